// The themes chart: paragraphs per theme and year, from the cookbook's themes-per-year query,
// drawn as inline SVG by this script (no library, nothing fetched but /cookbook and /sparql).
// Small multiples: a row of bars per theme on one shared scale, so no theme hides another
// (counts are small integers: lines would lie on top of each other).  The most frequent
// SHOWN themes are ticked in a legend that lets the reader pick others; a data table with
// every theme is the chart's text alternative.
"use strict";

const ThemeChart = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const QUERY = "themes-per-year";
  const SHOWN = 8;
  // Okabe–Ito's colour-blind-safe palette, its yellow darkened to read on white
  const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#9A8A00"];
  // width; label column, plot margins; the height of a theme's row and of its tallest bar
  const W = 760, LABELS = 220, RIGHT = 14, TOP = 8, AXIS = 40, ROW = 40, BAR = 26;

  function node(tag, attrs, text) {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function html(tag, text, attrs) {
    const n = document.createElement(tag);
    if (text !== undefined) n.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    return n;
  }

  /** SPARQL JSON results of themes-per-year → {years, themes}, themes by total, then key. */
  function model(data) {
    const byKey = new Map();
    for (const b of data.results.bindings) {
      const key = b.theme.value, year = Number(b.year.value), n = Number(b.paragraphs.value);
      if (!byKey.has(key)) {
        byKey.set(key, { key, zh: b.zh ? b.zh.value : "", en: b.en ? b.en.value : key, total: 0,
                         counts: new Map() });
      }
      const t = byKey.get(key);
      t.counts.set(year, (t.counts.get(year) || 0) + n);
      t.total += n;
    }
    const themes = [...byKey.values()].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
    // by rank in the whole list: a theme keeps its colour whatever else is picked
    themes.forEach((t, i) => { t.colour = COLOURS[i % COLOURS.length]; });
    const seen = themes.flatMap((t) => [...t.counts.keys()]);
    const years = [];
    // every year from the first to the last: a year without a tagged paragraph counts 0
    if (seen.length) for (let y = Math.min(...seen); y <= Math.max(...seen); y++) years.push(y);
    return { years, themes };
  }

  /** The least of 1, 2, 5, 10, 20, 50 … that is at least ``least``. */
  function nice(least) {
    for (let p = 1; ; p *= 10) {
      for (const s of [1, 2, 5]) if (s * p >= least) return s * p;
    }
  }

  function label(t) {
    return t.zh ? `${t.zh} ${t.en}` : t.en;
  }

  /** The SVG of ``shown`` themes over ``years``: a row per theme, a bar per year with paragraphs. */
  function svg(years, shown) {
    const width = W - LABELS - RIGHT, height = shown.length * ROW, H = TOP + height + AXIS;
    const max = Math.max(1, ...shown.flatMap((t) => [...t.counts.values()]));
    const band = width / years.length, bar = Math.min(40, Math.max(1.5, band * 0.7));
    const x = (y) => LABELS + (y - years[0] + 0.5) * band;  // the middle of the year's band
    const span = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
    const root = node("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "chart",
                               "aria-labelledby": "themes-svg-title themes-svg-desc",
                               "data-series": shown.length, "data-years": years.length });
    root.append(node("title", { id: "themes-svg-title" }, `Paragraphs per theme and year, ${span} · 各主题年度段落数`));
    root.append(node("desc", { id: "themes-svg-desc" }, describe(years, shown, max)));
    shown.forEach((t, i) => {
      const base = TOP + (i + 1) * ROW - 6;
      const g = node("g", { class: "series", "data-theme": t.key });
      g.append(node("text", { x: LABELS - 10, y: base - 14, "text-anchor": "end", class: "zh" }, t.zh || t.en));
      g.append(node("text", { x: LABELS - 10, y: base, "text-anchor": "end", class: "en" },
                    t.zh ? `${t.en} · ${t.total}` : `${t.total}`));
      g.append(node("line", { x1: LABELS, x2: LABELS + width, y1: base, y2: base, class: "baseline" }));
      for (const y of years) {
        const n = t.counts.get(y);
        if (!n) continue;
        const h = Math.max(2, n / max * BAR);
        const rect = node("rect", { x: (x(y) - bar / 2).toFixed(1), y: (base - h).toFixed(1), width: bar.toFixed(1),
                                    height: h.toFixed(1), fill: t.colour, class: "bar", "data-year": y });
        rect.append(node("title", {}, `${y} · ${label(t)}: ${n}`));
        g.append(rect);
        // the count over its bar when the band has room for it
        if (band >= 16) g.append(node("text", { x: x(y), y: base - h - 2, "text-anchor": "middle", class: "n" }, n));
      }
      root.append(g);
    });
    const axis = node("g", { class: "axis" });
    const bottom = TOP + height;
    // a label every 1, 2, 5, 10 … years, at least 40 units apart, on round years
    const every = nice(40 / band);
    for (const y of years) {
      if (y % every && years.length > 1) continue;
      axis.append(node("line", { x1: x(y), x2: x(y), y1: bottom, y2: bottom + 5, class: "tick" }));
      axis.append(node("text", { x: x(y), y: bottom + 18, "text-anchor": "middle", class: "year" }, y));
    }
    axis.append(node("text", { x: LABELS + width / 2, y: H - 4, "text-anchor": "middle", class: "axis-title" },
                     `Year · 年份 — bar height: paragraphs, 0–${max} in every row · 柱高：段落数`));
    root.append(axis);
    return root;
  }

  /** Squeeze a row label that would run past the label column (text is measured once drawn). */
  function fit(figure) {
    for (const text of figure.querySelectorAll("svg.chart .series text.zh, svg.chart .series text.en")) {
      if (text.getComputedTextLength() > LABELS - 16) {
        text.setAttribute("textLength", LABELS - 16);
        text.setAttribute("lengthAdjust", "spacingAndGlyphs");
      }
    }
  }

  /** The chart in words, for a screen reader: the span, and each shown theme's total and peak year. */
  function describe(years, shown, max) {
    const parts = shown.map((t) => {
      const [peak, n] = [...t.counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      return `${label(t)}: ${t.total} in all, most in ${peak} (${n})`;
    });
    return `${shown.length} themes over ${years.length} years, at most ${max} paragraphs a year. ${parts.join("; ")}.`;
  }

  function swatch(t) {
    const s = node("svg", { viewBox: "0 0 12 12", width: 12, height: 12, "aria-hidden": "true" });
    s.append(node("rect", { x: 1, y: 1, width: 10, height: 10, fill: t.colour }));
    return s;
  }

  /** The legend: one checkbox per theme, the first SHOWN checked; ``redraw`` on each change. */
  function legend(themes, redraw) {
    const box = html("fieldset", undefined, { class: "legend" });
    const which = themes.length <= SHOWN ? "all shown" : `the ${SHOWN} with most paragraphs shown; pick others`;
    box.append(html("legend", `Themes (${which}) · 主题`));
    const list = html("ul");
    themes.forEach((t, i) => {
      const id = `theme-${t.key}`;
      const input = html("input", undefined, { type: "checkbox", id, value: t.key });
      input.checked = i < SHOWN;
      input.addEventListener("change", redraw);
      const lab = html("label", undefined, { for: id });
      lab.append(swatch(t), html("span", t.zh, { class: "zh" }), html("span", t.en, { class: "en" }),
                 html("span", String(t.total), { class: "total", title: "paragraphs in all" }));
      const item = html("li", undefined, { "data-theme": t.key });
      item.append(input, lab);
      list.append(item);
    });
    box.append(list);
    return box;
  }

  /** The text alternative: a row per theme, a column per year, and the total. */
  function table(years, themes) {
    const t = html("table", undefined, { class: "themes-table" });
    t.append(html("caption", "Paragraphs per theme and year · 各主题年度段落数"));
    const head = html("tr");
    head.append(html("th", "Theme · 主题", { scope: "col" }));
    for (const y of years) head.append(html("th", String(y), { scope: "col" }));
    head.append(html("th", "Total · 合计", { scope: "col" }));
    const thead = html("thead");
    thead.append(head);
    const body = html("tbody");
    for (const theme of themes) {
      const tr = html("tr", undefined, { "data-theme": theme.key });
      tr.append(html("th", label(theme), { scope: "row" }));
      for (const y of years) tr.append(html("td", String(theme.counts.get(y) || 0)));
      tr.append(html("td", String(theme.total)));
      body.append(tr);
    }
    t.append(thead, body);
    return t;
  }

  /** Draw the answer of themes-per-year (SPARQL JSON) into ``box``, replacing what it held. */
  function draw(box, data) {
    const { years, themes } = model(data);
    box.replaceChildren();
    if (!themes.length) {
      box.append(html("p", "No theme data in this graph: no paragraph of a dated document has a theme. " +
                           "· 此图中没有主题数据。", { class: "empty" }));
      return;
    }
    const figure = html("div", undefined, { class: "figure" });
    const keys = () => new Set([...box.querySelectorAll(".legend input:checked")].map((i) => i.value));
    const redraw = () => {
      const picked = keys();
      figure.replaceChildren(svg(years, themes.filter((t) => picked.has(t.key))));
      fit(figure);
    };
    const details = html("details");
    details.append(html("summary", "Data table · 数据表"), table(years, themes));
    box.append(figure, legend(themes, redraw), details);
    redraw();
  }

  /** Fetch the per-year query from the cookbook, run it, draw its answer (or say why not). */
  async function load(box) {
    box.replaceChildren(html("p", "Loading… · 加载中", { class: "empty loading" }));
    try {
      const cookbook = await (await fetch("/cookbook")).json();
      const entry = cookbook.queries.find((q) => q.name === QUERY);
      if (!entry) throw new Error(`the cookbook has no ${QUERY} query`);
      const response = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
        body: entry.query,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      draw(box, await response.json());
    } catch (e) {
      box.replaceChildren(html("p", `No chart: ${e.message}`, { class: "empty error" }));
    }
  }

  return { draw, load, model };
})();

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("themes-chart");
  if (box) ThemeChart.load(box);
});
