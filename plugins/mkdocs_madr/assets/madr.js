/* mkdocs-madr: sorting and filtering of the decision index, and Mermaid diagrams (relation
   graph, C4) rendered into the page so their shapes can link to decisions.
   Everything works without this script too: tables stay readable and lists replace diagrams. */
(function () {
  "use strict";

  var FILTERS = ["status", "tag", "decider", "category", "text", "c4"];

  function parseList(value) {
    if (!value) return [];
    try {
      var parsed = JSON.parse(value);
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch (error) {
      return [];
    }
  }

  /* ---- decision index ------------------------------------------------------------------ */

  function sortValue(row, key) {
    var cells = row.cells;
    switch (key) {
      case "number": {
        var number = row.getAttribute("data-number");
        return number === "" ? [1, cells[0].textContent.trim().toLowerCase()] : [0, Number(number)];
      }
      case "title": return [0, cells[1].textContent.trim().toLowerCase()];
      case "status": return [0, row.getAttribute("data-status") || "~"];
      case "date": {
        var date = row.getAttribute("data-date");
        return date ? [0, date] : [1, ""];
      }
      case "deciders": return [0, cells[4].textContent.trim().toLowerCase() || "~"];
      case "chosen": return [0, cells[5].textContent.trim().toLowerCase() || "~"];
      case "tags": return [0, cells[6].textContent.trim().toLowerCase() || "~"];
    }
    return [0, ""];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[1] < b[1]) return -1;
    if (a[1] > b[1]) return 1;
    return 0;
  }

  function sortBy(index, header) {
    var table = index.querySelector("table");
    var body = table.tBodies[0];
    var key = header.getAttribute("data-madr-sort");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[data-madr-sort]").forEach(function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, position) { row.__madrPosition = position; });
    rows.sort(function (a, b) {
      var result = compare(sortValue(a, key), sortValue(b, key));
      if (result === 0) result = a.__madrPosition - b.__madrPosition;
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function readQuery() {
    var state = {};
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var value = params.get(name === "text" ? "q" : name);
      if (value) state[name] = value;
    });
    return state;
  }

  function writeQuery(state) {
    if (!window.history || !window.history.replaceState) return;
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var key = name === "text" ? "q" : name;
      if (state[name]) params.set(key, state[name]); else params.delete(key);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function applyFilters(index, state) {
    var rows = index.querySelectorAll("tbody tr");
    var shown = 0;
    var text = (state.text || "").toLowerCase();
    rows.forEach(function (row) {
      var keep = true;
      if (state.status && row.getAttribute("data-status") !== state.status) keep = false;
      if (keep && state.tag) {
        var tags = parseList(row.getAttribute("data-tags")).map(function (t) { return t.toLowerCase(); });
        keep = tags.indexOf(state.tag.toLowerCase()) !== -1;
      }
      if (keep && state.decider) {
        keep = parseList(row.getAttribute("data-deciders")).indexOf(state.decider) !== -1;
      }
      if (keep && state.category) keep = row.getAttribute("data-category") === state.category;
      if (keep && state.c4) keep = parseList(row.getAttribute("data-c4")).indexOf(state.c4) !== -1;
      if (keep && text) keep = row.textContent.toLowerCase().indexOf(text) !== -1;
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    index.querySelectorAll("[data-madr-chip]").forEach(function (chip) {
      chip.setAttribute("aria-pressed", String(chip.getAttribute("data-madr-chip") === (state.status || null)));
    });
    var summary = index.querySelector("[data-madr-summary]");
    if (summary) {
      summary.textContent = shown === rows.length
        ? rows.length + " decisions"
        : "Showing " + shown + " of " + rows.length + " decisions";
    }
  }

  function setupIndex(index) {
    if (index.hasAttribute("data-madr-ready")) return;
    index.setAttribute("data-madr-ready", "");
    var filters = index.querySelector("[data-madr-filters]");
    if (filters) filters.hidden = false;
    var state = readQuery();
    var controls = {};
    index.querySelectorAll("[data-madr-filter]").forEach(function (control) {
      var name = control.getAttribute("data-madr-filter");
      controls[name] = control;
      if (state[name]) control.value = state[name];
      control.addEventListener(control.tagName === "INPUT" ? "input" : "change", function () {
        state[name] = control.value;
        applyFilters(index, state);
        writeQuery(state);
      });
    });
    index.querySelectorAll("[data-madr-chip]").forEach(function (chip) {
      chip.addEventListener("click", function () {
        var status = chip.getAttribute("data-madr-chip");
        state.status = state.status === status ? "" : status;
        if (controls.status) controls.status.value = state.status;
        applyFilters(index, state);
        writeQuery(state);
      });
    });
    index.querySelectorAll("th[data-madr-sort]").forEach(function (header) {
      header.tabIndex = 0;
      header.setAttribute("role", "button");
      header.addEventListener("click", function () { sortBy(index, header); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(index, header);
        }
      });
    });
    applyFilters(index, state);
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

  function linkShape(shape, url, label) {
    shape.setAttribute("data-madr-link", url);
    shape.setAttribute("role", "link");
    shape.setAttribute("tabindex", "0");
    if (label) shape.setAttribute("aria-label", label);
    shape.style.cursor = "pointer";
    shape.addEventListener("click", function () { window.location.href = url; });
    shape.addEventListener("keydown", function (event) {
      if (event.key === "Enter") window.location.href = url;
    });
  }

  function linkGraphNodes(container, links) {
    container.querySelectorAll("g.node").forEach(function (node) {
      var match = /^(?:[\w-]*?-)?(n\d+)-\d+$/.exec(node.id || "");
      var id = match ? match[1] : null;
      if (id && links[id]) linkShape(node, links[id], node.textContent.trim());
    });
  }

  function normalise(text) {
    return (text || "").replace(/\s+/g, " ").trim().toLowerCase();
  }

  /* Mermaid draws a C4 shape as a group holding a rect (or a path for databases and queues)
     and text lines: the «kind» line, the label, the technology and the description. It keeps
     no alias, so shapes are matched to elements by their label, then by kind, in order. */
  function linkC4Shapes(container, elements) {
    var groups = Array.prototype.slice.call(container.querySelectorAll("svg g"));
    var used = new Set();
    elements.forEach(function (element) {
      var label = normalise(element.label);
      var best = null;
      groups.forEach(function (group) {
        if (best || used.has(group)) return;
        if (!group.querySelector(":scope > rect, :scope > path")) return;
        var texts = Array.prototype.map.call(group.querySelectorAll(":scope > text"), function (t) {
          return normalise(t.textContent);
        });
        if (texts.indexOf(label) !== -1) best = group;
      });
      if (best) {
        used.add(best);
        best.setAttribute("data-madr-alias", element.alias);
        if (element.url) linkShape(best, element.url, element.label);
      }
    });
  }

  function renderDiagram(container) {
    var source = container.querySelector(".madr-mermaid__source");
    if (!source) return Promise.resolve();
    var src = container.getAttribute("data-madr-src");
    return loadMermaid(src).then(function (mermaid) {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: darkScheme() ? "dark" : "default",
      });
      diagramCount += 1;
      var id = "madr-diagram-" + diagramCount;
      return mermaid.render(id, source.textContent).then(function (result) {
        var target = container.querySelector(".madr-mermaid__svg");
        if (!target) {
          target = document.createElement("div");
          target.className = "madr-mermaid__svg";
          container.appendChild(target);
        }
        target.innerHTML = result.svg;
        var kind = container.getAttribute("data-madr-mermaid");
        var data = parseObject(container.getAttribute("data-madr-links"));
        if (kind === "graph") linkGraphNodes(target, data);
        if (kind === "c4") linkC4Shapes(target, Array.isArray(data) ? data : []);
        container.setAttribute("data-madr-rendered", "");
        var list = container.parentElement && container.parentElement.querySelector(".madr-graph__list");
        if (list) list.open = false;
      });
    }).catch(function (error) {
      var message = String(error && error.message || error);
      container.setAttribute("data-madr-error", message);
      var note = container.querySelector(".madr-mermaid__error");
      if (!note) {
        note = document.createElement("p");
        note.className = "madr-mermaid__error";
        container.insertBefore(note, container.firstChild);
      }
      var fallback = container.getAttribute("data-madr-mermaid") === "graph"
        ? "the relations are listed below" : "its source is shown instead";
      note.textContent = "This diagram could not be drawn (" + message + "); " + fallback + ".";
    });
  }

  function parseObject(value) {
    try { return JSON.parse(value || "{}"); } catch (error) { return {}; }
  }

  function renderDiagrams(root) {
    var diagrams = root.querySelectorAll("[data-madr-mermaid]");
    var chain = Promise.resolve();
    diagrams.forEach(function (container) {
      chain = chain.then(function () { return renderDiagram(container); });
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
    renderDiagrams(document);
    watchScheme();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
