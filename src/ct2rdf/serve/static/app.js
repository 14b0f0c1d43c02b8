// The query page: load the cookbook, run a query through /sparql, show the answer as a table.
// Everything is built with DOM calls and textContent, never innerHTML: answers are data, not markup.
"use strict";

const PREFIXES = {
  ct: "https://w3id.org/ct2rdf/ontology#",
  eli: "http://data.europa.eu/eli/ontology#",
  cito: "http://purl.org/spar/cito/",
  oa: "http://www.w3.org/ns/oa#",
  dcterms: "http://purl.org/dc/terms/",
  skos: "http://www.w3.org/2004/02/skos/core#",
  org: "http://www.w3.org/ns/org#",
  prov: "http://www.w3.org/ns/prov#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
};
const PLAIN = new Set([PREFIXES.xsd + "integer", PREFIXES.xsd + "decimal", PREFIXES.xsd + "string"]);
let base = "";

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function curie(iri) {
  for (const [p, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && iri.length > ns.length) return p + ":" + iri.slice(ns.length);
  }
  return base && iri.startsWith(base) ? iri.slice(base.length) : iri;
}

function cell(term) {
  const td = el("td");
  if (!term) return td;
  if (term.type === "uri") {
    const href = base && term.value.startsWith(base) ? "/" + term.value.slice(base.length) : term.value;
    td.append(el("a", curie(term.value), { href: href, title: term.value }));
  } else if (term.type === "literal") {
    td.append(document.createTextNode(term.value));
    // numbers read as numbers; other datatypes (dates, durations) are worth showing
    const plain = !term.datatype || PLAIN.has(term.datatype);
    const tag = term["xml:lang"] ? "@" + term["xml:lang"] : plain ? "" : "^^" + curie(term.datatype);
    if (tag) td.append(el("span", tag, { class: "tag" }));
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else {
    td.textContent = JSON.stringify(term.value);
  }
  return td;
}

function table(data) {
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const t = el("table", undefined, { class: "results", "data-rows": String(rows.length) });
  const head = el("tr");
  for (const v of vars) head.append(el("th", v));
  const thead = el("thead");
  thead.append(head);
  t.append(thead);
  const body = el("tbody");
  for (const row of rows) {
    const tr = el("tr");
    for (const v of vars) tr.append(cell(row[v]));
    body.append(tr);
  }
  t.append(body);
  return t;
}

async function run() {
  const status = document.getElementById("status");
  const started = performance.now();
  status.textContent = "Running…";
  document.getElementById("results").replaceChildren();
  try {
    await show(await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query",
                 Accept: "application/sparql-results+json, text/turtle;q=0.9" },
      body: document.getElementById("query").value,
    }), started);
  } catch (e) {
    status.textContent = "No answer: " + e;
  }
}

async function show(response, started) {
  const status = document.getElementById("status");
  const out = document.getElementById("results");
  const ms = Math.round(performance.now() - started);
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    status.textContent = "HTTP " + response.status;
    out.append(el("pre", await response.text(), { class: "error" }));
  } else if (type.includes("sparql-results+json")) {
    const data = await response.json();
    if ("boolean" in data) {
      out.append(el("p", String(data.boolean), { class: "boolean" }));
      status.textContent = `answered in ${ms} ms`;
    } else {
      out.append(table(data));
      status.textContent = `${data.results.bindings.length} rows in ${ms} ms`;
    }
  } else {
    out.append(el("pre", await response.text(), { class: "graph" }));
    status.textContent = `answered in ${ms} ms`;
  }
}

async function loadCookbook() {
  const list = document.getElementById("cookbook");
  const data = await (await fetch("/cookbook")).json();
  base = data.base;
  for (const q of data.queries) {
    const button = el("button", q.en, { type: "button", "data-name": q.name, title: q.name + ".rq" });
    if (q.zh) button.append(el("span", q.zh, { class: "zh" }));
    button.addEventListener("click", () => {
      document.getElementById("query").value = q.query;
      run();
    });
    const item = el("li");
    item.append(button);
    list.append(item);
  }
  // ?cookbook=NAME runs that query at once; ?query=TEXT runs the text (links to an answer)
  const params = new URLSearchParams(location.search);
  const wanted = data.queries.find((q) => q.name === params.get("cookbook"));
  if (wanted) document.getElementById("query").value = wanted.query;
  else if (params.get("query")) document.getElementById("query").value = params.get("query");
  if (wanted || params.get("query")) run();
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("run").addEventListener("click", run);
  document.getElementById("query").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  loadCookbook();
});
