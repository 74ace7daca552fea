/* mkdocs-madr: the decision log's filters and sorting, and the site's Mermaid diagrams (the
   relation graph and C4 diagrams) drawn into the page, sized to stay readable, with every box a
   link. Everything works without this script too: tables stay readable, lists replace diagrams.
   The words it writes come from the page (data-madr-labels), in the site's language. */
(function () {
  "use strict";

  var FILTERS = ["status", "tag", "decider", "category", "source", "c4", "in_force", "text"];
  var LEGIBLE_PX = 11;
  var SVG = "http://www.w3.org/2000/svg";

  function parseJson(value, fallback) {
    try {
      var parsed = JSON.parse(value || "");
      return parsed === null || parsed === undefined ? fallback : parsed;
    } catch (error) {
      return fallback;
    }
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function lower(text) {
    return String(text || "").toLowerCase();
  }

  function texts(nodes) {
    return Array.prototype.map.call(nodes, function (node) { return lower(node.textContent.trim()); });
  }

  /* ---- the decision log -------------------------------------------------------------------- */

  function rowData(row) {
    if (!row.__madr) {
      row.__madr = {
        status: lower(row.getAttribute("data-status")),
        category: lower(row.getAttribute("data-category")),
        source: row.getAttribute("data-source") || ".",
        c4: parseJson(row.getAttribute("data-c4"), []).map(String),
        inForce: row.hasAttribute("data-in-force"),
        tags: texts(row.cells[6] ? row.cells[6].querySelectorAll(".madr-tag") : []),
        deciders: texts(row.cells[4] ? row.cells[4].querySelectorAll("a") : []),
        text: lower(row.textContent),
        fields: fieldValues(row),
      };
    }
    return row.__madr;
  }

  /* The team's declared fields: each cell's values, lower case (a person list has several). */
  function fieldValues(row) {
    var found = {};
    Array.prototype.forEach.call(row.querySelectorAll("td[data-madr-field]"), function (cell) {
      var links = cell.querySelectorAll("a");
      found[cell.getAttribute("data-madr-field")] = links.length ? texts(links) : [lower(cell.textContent.trim())];
    });
    return found;
  }

  function fieldCell(row, name) {
    return Array.prototype.find.call(row.cells, function (cell) {
      return cell.getAttribute("data-madr-field") === name;
    });
  }

  function sortValue(row, key, ranks) {
    var cells = row.cells;
    switch (key) {
      case "number": {
        var number = row.getAttribute("data-number");
        return number === "" ? [1, lower(cells[0].textContent.trim())] : [0, Number(number)];
      }
      case "title": return [0, lower(cells[1].textContent.trim())];
      case "status": {
        var status = rowData(row).status;
        return Object.prototype.hasOwnProperty.call(ranks, status) ? [0, ranks[status]] : [1, status];
      }
      case "date": {
        var time = row.querySelector("time");
        return time ? [0, time.getAttribute("datetime")] : [1, ""];
      }
      case "deciders": return cells[4].textContent.trim() ? [0, lower(cells[4].textContent.trim())] : [1, ""];
      case "chosen": return cells[5].textContent.trim() ? [0, lower(cells[5].textContent.trim())] : [1, ""];
      case "tags": return cells[6].textContent.trim() ? [0, lower(cells[6].textContent.trim())] : [1, ""];
    }
    if (key.indexOf("field:") === 0) {
      var cell = fieldCell(row, key.slice(6));
      var value = cell && cell.getAttribute("data-madr-sort-value");
      return value ? [0, value] : [1, ""];
    }
    return [0, ""];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[1] < b[1]) return -1;
    if (a[1] > b[1]) return 1;
    return 0;
  }

  function LogView(index) {
    this.index = index;
    this.labels = parseJson(index.getAttribute("data-madr-labels"), {});
    this.table = index.querySelector(".madr-index__table");
    this.rows = this.table ? Array.prototype.slice.call(this.table.tBodies[0].rows) : [];
    this.controls = {};
    this.state = {};
    this.sorted = { key: "number", ascending: true };
    this.found = null; /* record key -> text of its options and arguments, from decisions.json */
    this.ranks = {};
    this.fields = Array.prototype.map.call(index.querySelectorAll("[data-madr-field-filter]"), function (control) {
      return control.getAttribute("data-madr-filter");
    });
    this.filters = FILTERS.concat(this.fields);
  }

  LogView.prototype.setup = function () {
    var view = this;
    var index = this.index;
    var filters = index.querySelector("[data-madr-filters]");
    if (filters) filters.hidden = false;
    index.querySelectorAll("[data-madr-filter]").forEach(function (control) {
      var name = control.getAttribute("data-madr-filter");
      view.controls[name] = control;
      control.addEventListener(control.tagName === "INPUT" ? "input" : "change", function () {
        view.state[name] = control.value;
        if (name === "text") view.loadTexts();
        view.update();
      });
    });
    var statuses = this.controls.status;
    if (statuses) {
      Array.prototype.forEach.call(statuses.options, function (option, position) {
        if (option.value) view.ranks[lower(option.value)] = position;
      });
    }
    index.querySelectorAll("[data-madr-chip]").forEach(function (chip) {
      chip.addEventListener("click", function () {
        var status = chip.getAttribute("data-madr-chip");
        view.set("status", lower(view.state.status) === lower(status) ? "" : status);
        view.update();
      });
    });
    if (this.table) {
      this.table.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[href^='?']");
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
        var params = new URLSearchParams(link.getAttribute("href").slice(1));
        var handled = false;
        params.forEach(function (value, key) {
          if (view.filters.indexOf(key) !== -1) { view.set(key, value); handled = true; }
        });
        if (handled) {
          event.preventDefault();
          view.update();
          var control = view.controls[params.keys().next().value];
          if (control) control.focus();
        }
      });
      this.setupSorting(filters);
    }
    if (filters) {
      /* Beside the filters, while any is set; the empty state has its own. */
      var clear = document.createElement("button");
      clear.type = "button";
      clear.className = "madr-button";
      clear.hidden = true;
      clear.setAttribute("data-madr-clear", "bar");
      clear.textContent = this.labels.clear_filters || "Clear filters";
      filters.insertBefore(clear, filters.querySelector("[data-madr-summary]"));
    }
    index.querySelectorAll("[data-madr-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        view.filters.forEach(function (name) { view.set(name, ""); });
        view.update();
        var first = index.querySelector("[data-madr-filter]");
        if (first) first.focus();
      });
    });
    this.readAddress();
    if (this.state.text) this.loadTexts();
    this.update(true);
  };

  /* A value from the address or a link: the box shows it, matched without regard to case;
     a value no record has stays shown, so the reader sees why nothing matches. */
  LogView.prototype.set = function (name, value) {
    var control = this.controls[name];
    value = value || "";
    if (control && control.tagName === "SELECT" && value) {
      var match = Array.prototype.find.call(control.options, function (option) {
        return lower(option.value) === lower(value);
      });
      if (!match) {
        match = document.createElement("option");
        match.value = value;
        match.textContent = format(this.labels.not_found_value, { value: value });
        match.setAttribute("data-madr-missing", "");
        control.appendChild(match);
      }
      value = match.value;
    }
    if (control) control.value = value;
    this.state[name] = value;
  };

  LogView.prototype.readAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var view = this;
    this.filters.forEach(function (name) {
      var value = params.get(name === "text" ? "q" : name);
      if (value) view.set(name, value);
    });
  };

  LogView.prototype.writeAddress = function () {
    if (!window.history || !window.history.replaceState) return;
    var params = new URLSearchParams(window.location.search);
    var state = this.state;
    this.filters.forEach(function (name) {
      var key = name === "text" ? "q" : name;
      if (state[name]) params.set(key, state[name]); else params.delete(key);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  };

  LogView.prototype.keep = function (row) {
    var state = this.state;
    var data = rowData(row);
    if (state.status && data.status !== lower(state.status)) return false;
    if (state.category && data.category !== lower(state.category)) return false;
    if (state.source && data.source !== state.source) return false;
    if (state.tag && data.tags.indexOf(lower(state.tag)) === -1) return false;
    if (state.decider && data.deciders.indexOf(lower(state.decider)) === -1) return false;
    if (state.c4 && data.c4.indexOf(state.c4) === -1) return false;
    if (lower(state.in_force) === "yes" && !data.inForce) return false;
    if (lower(state.in_force) === "no" && data.inForce) return false;
    for (var at = 0; at < this.fields.length; at += 1) {
      var name = this.fields[at];
      if (state[name] && (data.fields[name] || []).indexOf(lower(state[name])) === -1) return false;
    }
    var text = lower(state.text).trim();
    if (text && data.text.indexOf(text) === -1) {
      var more = this.found && this.found[row.getAttribute("data-key")];
      if (!more || more.indexOf(text) === -1) return false;
    }
    return true;
  };

  LogView.prototype.update = function (first) {
    var view = this;
    var shown = 0;
    this.rows.forEach(function (row) {
      var keep = view.keep(row);
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    this.index.querySelectorAll("[data-madr-chip]").forEach(function (chip) {
      var pressed = !!view.state.status && lower(chip.getAttribute("data-madr-chip")) === lower(view.state.status);
      chip.setAttribute("aria-pressed", String(pressed));
    });
    var empty = this.index.querySelector("[data-madr-empty]");
    if (empty) empty.hidden = shown !== 0 || this.rows.length === 0;
    var filtered = view.filters.some(function (name) { return !!view.state[name]; });
    var clear = this.index.querySelector("[data-madr-clear=bar]");
    if (clear) clear.hidden = !filtered;
    this.summarise(shown);
    if (!first) this.writeAddress();
  };

  LogView.prototype.summarise = function (shown) {
    var summary = this.index.querySelector("[data-madr-summary]");
    if (!summary) return;
    var labels = this.labels;
    var text = shown === this.rows.length
      ? format(labels.decisions_count, { count: this.rows.length })
      : format(labels.showing_count, { shown: shown, count: this.rows.length });
    var header = this.table && this.table.querySelector("th[aria-sort]");
    if (header) {
      var order = header.getAttribute("aria-sort") === "ascending" ? labels.ascending : labels.descending;
      text += " · " + format(labels.sorted_by, { column: header.textContent.trim(), order: order });
    }
    summary.textContent = text;
  };

  /* Free text also finds a record by the options it weighed and their arguments, which the
     table does not show: read once from decisions.json, when the reader first searches. */
  LogView.prototype.loadTexts = function () {
    var url = this.index.getAttribute("data-madr-json");
    var view = this;
    if (!url || this.found || this.loading || !window.fetch) return;
    this.loading = true;
    window.fetch(url).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      var found = {};
      ((data && data.decisions) || []).forEach(function (record) {
        var parts = [record.chosen, record.justification, record.technical_story];
        (record.drivers || []).forEach(function (driver) { parts.push(driver); });
        (record.options || []).forEach(function (option) {
          parts.push(option.title, option.description);
          ["good", "neutral", "bad"].forEach(function (kind) {
            (option[kind] || []).forEach(function (argument) { parts.push(argument); });
          });
        });
        found[record.key] = lower(parts.filter(Boolean).join("\n"));
      });
      view.found = found;
      view.update();
    }).catch(function () { view.loading = false; });
  };

  LogView.prototype.setupSorting = function (filters) {
    var view = this;
    var headers = Array.prototype.slice.call(this.table.querySelectorAll("th[data-madr-sort]"));
    var menu = document.createElement("select");
    headers.forEach(function (header) {
      var button = document.createElement("button");
      button.type = "button";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var key = header.getAttribute("data-madr-sort");
        var ascending = !(view.sorted.key === key && view.sorted.ascending);
        view.sortBy(key, ascending);
      });
      [true, false].forEach(function (ascending) {
        var option = document.createElement("option");
        option.value = header.getAttribute("data-madr-sort") + ":" + (ascending ? "a" : "d");
        option.textContent = button.textContent.trim() + " " + (ascending ? "↑" : "↓");
        menu.appendChild(option);
      });
    });
    if (filters) {
      var label = document.createElement("label");
      label.className = "madr-index__sort";
      label.appendChild(document.createTextNode((this.labels.sort_by || "Sort by") + " "));
      label.appendChild(menu);
      var summary = filters.querySelector("[data-madr-summary]");
      filters.insertBefore(label, summary);
      menu.addEventListener("change", function () {
        var parts = menu.value.split(":");
        view.sortBy(parts[0], parts[1] === "a");
      });
      this.menu = menu;
    }
  };

  LogView.prototype.sortBy = function (key, ascending) {
    var view = this;
    this.sorted = { key: key, ascending: ascending };
    this.table.querySelectorAll("th[data-madr-sort]").forEach(function (header) {
      if (header.getAttribute("data-madr-sort") === key) {
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      } else {
        header.removeAttribute("aria-sort");
      }
    });
    if (this.menu) this.menu.value = key + ":" + (ascending ? "a" : "d");
    var body = this.table.tBodies[0];
    var rows = this.rows.slice();
    var values = new Map();
    rows.forEach(function (row, position) { values.set(row, [sortValue(row, key, view.ranks), position]); });
    rows.sort(function (a, b) {
      var first = values.get(a), second = values.get(b);
      var result = compare(first[0], second[0]);
      if (!ascending) result = -result;
      return result || first[1] - second[1];
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
    this.rows = rows;
    this.summarise(rows.filter(function (row) { return !row.hidden; }).length);
  };

  function setupIndex(index) {
    if (index.hasAttribute("data-madr-ready")) return;
    index.setAttribute("data-madr-ready", "");
    new LogView(index).setup();
  }

  /* A box that scrolls sideways is reachable by keyboard (arrow keys scroll it). */
  function markScrollers(root) {
    root.querySelectorAll(".madr-scroll, .madr-mermaid__view").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-madr-scrolls", "");
      } else if (!scrolls && box.hasAttribute("data-madr-scrolls")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-madr-scrolls");
      }
    });
  }

  /* Chromium leaves what it focuses in a box that scrolls sideways clipped at the box's edge
     (the log's last sort button, 10 px of it in sight): the box scrolls to show it whole. */
  function revealFocused(event) {
    var target = event.target;
    var box = target.closest && target.closest(".madr-scroll");
    if (!box || box === target) return;
    var room = 6; /* the focus outline and its offset */
    var inner = target.getBoundingClientRect();
    var outer = box.getBoundingClientRect();
    if (inner.right + room > outer.right) {
      box.scrollLeft += Math.min(inner.right + room - outer.right, inner.left - room - outer.left);
    } else if (inner.left - room < outer.left) {
      box.scrollLeft -= outer.left - (inner.left - room);
    }
  }

  /* ---- the Health page's chart ------------------------------------------------------------- */

  /* It labels every few months; a label that would touch the one before, or run past the
     chart's edge, is left out (the table under the chart has every month). */
  function thinAxis(root) {
    root.querySelectorAll("svg.madr-chart").forEach(function (svg) {
      var box = svg.viewBox && svg.viewBox.baseVal;
      var edge = box && box.width ? box.width : Infinity;
      var right = -Infinity;
      svg.querySelectorAll(".madr-chart__axis").forEach(function (label) {
        label.removeAttribute("display");
        var found = label.getBBox();
        if (found.x < right + 6 || found.x + found.width > edge) {
          label.setAttribute("display", "none");
        } else {
          right = found.x + found.width;
        }
      });
    });
  }

  /* ---- Mermaid diagrams -------------------------------------------------------------------- */

  var mermaidLoading = null;
  var diagramCount = 0;

  function loadMermaid(src) {
    if (window.mermaid && typeof window.mermaid.render === "function") {
      return Promise.resolve(window.mermaid);
    }
    if (!mermaidLoading) {
      mermaidLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.mermaid); };
        script.onerror = function () { mermaidLoading = null; reject(new Error("cannot load " + src)); };
        document.head.appendChild(script);
      });
    }
    return mermaidLoading;
  }

  function darkScheme() {
    var scheme = document.body && document.body.getAttribute("data-md-color-scheme");
    return scheme === "slate";
  }

  function draw(mermaid, source) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: darkScheme() ? "dark" : "default",
      /* The dark theme's grey behind arrow labels leaves them short of 4.5:1. */
      themeVariables: darkScheme() ? { edgeLabelBackground: "#3a3a3a" } : {},
    });
    diagramCount += 1;
    var id = "madr-diagram-" + diagramCount;
    return mermaid.render(id, source).catch(function (error) {
      /* Mermaid leaves its error drawing in the body; the page says what happened instead. */
      ["d" + id, id].forEach(function (left) {
        var node = document.getElementById(left);
        if (node && !node.closest(".madr-mermaid")) node.remove();
      });
      throw error;
    });
  }

  /* The smallest text in the drawing, in CSS pixels before any scaling. */
  function smallestText(svg) {
    var smallest = Infinity;
    svg.querySelectorAll("text, foreignObject span, foreignObject p, foreignObject div").forEach(function (node) {
      if (!node.textContent.trim() || node.children.length && node.tagName !== "text") return;
      var size = parseFloat(window.getComputedStyle(node).fontSize);
      if (size && size < smallest) smallest = size;
    });
    return smallest === Infinity ? 16 : smallest;
  }

  function Drawing(container) {
    this.container = container;
    this.kind = container.getAttribute("data-madr-mermaid");
    this.labels = parseJson(container.getAttribute("data-madr-labels"), {});
    this.links = parseJson(container.getAttribute("data-madr-links"), {});
  }

  Drawing.prototype.render = function () {
    var drawing = this;
    var container = this.container;
    var sources = container.querySelectorAll(".madr-mermaid__source");
    if (!sources.length) return Promise.resolve();
    var full = sources[0].textContent;
    var numbered = sources.length > 1 ? sources[1].textContent : null;
    return loadMermaid(container.getAttribute("data-madr-src")).then(function (mermaid) {
      return draw(mermaid, full).then(function (result) {
        drawing.show(result.svg, false);
        if (drawing.fits() || !numbered) return null;
        /* Labels on the arrows leave the boxes too small to read: numbers instead, the
           relations listed under the diagram. */
        return draw(mermaid, numbered).then(function (second) {
          var fullWidth = drawing.natural.width;
          drawing.show(second.svg, true);
          if (!drawing.fits() && drawing.natural.width >= fullWidth) {
            return draw(mermaid, full).then(function (third) { drawing.show(third.svg, false); });
          }
          return null;
        });
      }).then(function () {
        drawing.fitInitially();
        container.setAttribute("data-madr-rendered", "");
        container.removeAttribute("data-madr-error");
        var list = container.parentElement && container.parentElement.parentElement &&
          container.parentElement.parentElement.querySelector(".madr-graph__list");
        if (list) list.open = false;
      });
    }).catch(function (error) { drawing.fail(error); });
  };

  Drawing.prototype.view = function () {
    var view = this.container.querySelector(".madr-mermaid__view");
    if (!view) {
      view = document.createElement("div");
      view.className = "madr-mermaid__view";
      this.container.appendChild(view);
      this.tools(view);
      this.pan(view);
    }
    return view;
  };

  Drawing.prototype.show = function (svgText, numbered) {
    var view = this.view();
    view.innerHTML = svgText;
    var svg = view.querySelector("svg");
    var box = svg.viewBox && svg.viewBox.baseVal;
    this.svg = svg;
    this.numbered = numbered;
    this.natural = { width: box && box.width || svg.getBoundingClientRect().width, height: box && box.height || 0 };
    svg.style.maxWidth = "none";
    svg.removeAttribute("height");
    this.smallest = smallestText(svg);
    this.link(svg);
    var relations = this.container.parentElement && this.container.parentElement.querySelector("[data-madr-relations]");
    if (relations) relations.open = numbered;
  };

  Drawing.prototype.available = function () {
    return Math.max(this.container.clientWidth - 2, 100);
  };

  Drawing.prototype.legibleScale = function () {
    return LEGIBLE_PX / this.smallest;
  };

  Drawing.prototype.fitScale = function () {
    return Math.min(1, this.available() / this.natural.width);
  };

  Drawing.prototype.fits = function () {
    return this.fitScale() >= this.legibleScale() - 1e-6;
  };

  Drawing.prototype.fitInitially = function () {
    this.zoom(this.fits() ? this.fitScale() : Math.min(1, this.legibleScale()));
    var view = this.view();
    view.scrollLeft = (view.scrollWidth - view.clientWidth) / 2;
  };

  Drawing.prototype.zoom = function (scale) {
    var svg = this.svg;
    if (!svg) return;
    this.scale = Math.max(0.1, Math.min(4, scale));
    svg.setAttribute("width", String(Math.round(this.natural.width * this.scale)));
    if (this.natural.height) svg.setAttribute("height", String(Math.round(this.natural.height * this.scale)));
    var view = this.view();
    var pannable = view.scrollWidth > view.clientWidth + 1 || view.scrollHeight > view.clientHeight + 1;
    if (pannable) view.setAttribute("data-madr-pannable", ""); else view.removeAttribute("data-madr-pannable");
    markScrollers(this.container);
  };

  Drawing.prototype.tools = function (view) {
    var drawing = this;
    var labels = this.labels;
    var bar = document.createElement("div");
    bar.className = "madr-mermaid__tools";
    [
      ["−", labels.zoom_out, function () { drawing.zoom(drawing.scale / 1.25); }],
      ["⤢", labels.zoom_fit, function () { drawing.zoom(drawing.available() / drawing.natural.width); }],
      ["A", labels.zoom_legible, function () { drawing.zoom(drawing.legibleScale()); }],
      ["+", labels.zoom_in, function () { drawing.zoom(drawing.scale * 1.25); }],
    ].forEach(function (tool) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = tool[0];
      button.title = tool[1] || "";
      button.setAttribute("aria-label", tool[1] || tool[0]);
      button.addEventListener("click", tool[2]);
      bar.appendChild(button);
    });
    this.container.insertBefore(bar, view);
  };

  /* Dragging with a mouse pans a drawing larger than its box; touch scrolls it natively. */
  Drawing.prototype.pan = function (view) {
    var start = null;
    view.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "mouse" || event.button !== 0 || !view.hasAttribute("data-madr-pannable")) return;
      if (event.target.closest && event.target.closest("a")) return;
      start = { x: event.clientX, y: event.clientY, left: view.scrollLeft, top: view.scrollTop };
      view.setAttribute("data-madr-panning", "");
    });
    window.addEventListener("pointermove", function (event) {
      if (!start) return;
      view.scrollLeft = start.left - (event.clientX - start.x);
      view.scrollTop = start.top - (event.clientY - start.y);
    });
    window.addEventListener("pointerup", function () {
      start = null;
      view.removeAttribute("data-madr-panning");
    });
  };

  /* Each box of ours becomes a real link (an SVG <a>): focusable, opened by Enter, named by
     what it shows. Flowchart nodes carry our ids (n0…, c0…) inside Mermaid's own. */
  Drawing.prototype.link = function (svg) {
    var links = this.links;
    svg.querySelectorAll("g.node, g.cluster").forEach(function (group) {
      var match = /(?:^|-)([nc]\d+)(?:-\d+)?$/.exec(group.id || "");
      var entry = match && links[match[1]];
      var url = entry && (typeof entry === "string" ? entry : entry.url);
      if (!url) return;
      if (entry.alias) group.setAttribute("data-madr-alias", entry.alias);
      var target = group.classList.contains("cluster") ? group.querySelector(".cluster-label") || group : group;
      var anchor = document.createElementNS(SVG, "a");
      anchor.setAttribute("href", url);
      anchor.setAttribute("class", "madr-diagram-link");
      anchor.setAttribute("data-madr-link", url);
      target.parentNode.insertBefore(anchor, target);
      anchor.appendChild(target);
      group.setAttribute("data-madr-node", match[1]);
    });
  };

  Drawing.prototype.fail = function (error) {
    var container = this.container;
    var message = String(error && error.message || error);
    container.setAttribute("data-madr-error", message);
    var note = container.querySelector(".madr-mermaid__error");
    if (!note) {
      note = document.createElement("p");
      note.className = "madr-mermaid__error";
      note.setAttribute("role", "status");
      container.insertBefore(note, container.firstChild);
    }
    var labels = this.labels;
    var then = this.kind === "graph" ? labels.diagram_failed_graph : labels.diagram_failed_c4;
    note.textContent = format(labels.diagram_failed, { message: message }) + (then ? " " + then : "");
    var figure = container.parentElement;
    var source = figure && figure.querySelector("[data-madr-source]");
    if (source) source.hidden = false;
  };

  function renderDiagrams(root) {
    var chain = Promise.resolve();
    root.querySelectorAll("[data-madr-mermaid]").forEach(function (container) {
      var drawing = container.__madrDrawing || (container.__madrDrawing = new Drawing(container));
      chain = chain.then(function () { return drawing.render(); });
    });
    return chain;
  }

  function watchScheme() {
    if (!window.MutationObserver || !document.body || document.body.__madrWatched) return;
    document.body.__madrWatched = true;
    new MutationObserver(function () {
      renderDiagrams(document);
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  function init() {
    document.querySelectorAll("[data-madr-index]").forEach(setupIndex);
    thinAxis(document);
    markScrollers(document);
    renderDiagrams(document);
    watchScheme();
  }

  document.addEventListener("focusin", revealFocused);

  var resizing = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(function () { markScrollers(document); }, 150);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
