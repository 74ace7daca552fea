"""Turning records into HTML fragments: view models plus Jinja2 templates with autoescape."""
