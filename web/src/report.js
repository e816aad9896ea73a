// The page of `cascade report`: reads the data the C++ side wrote into
// <script type="application/json" id="cascade-data"> and draws it. Every label and every other
// string from the data reaches the page through textContent or as SVG text set by the charting
// library (never through innerHTML), so a label such as </script><script>alert(1)</script> shows
// as text and runs nothing. The page makes no network request (its Content-Security-Policy
// forbids it): every script and style is inlined by the build (web/build.mjs).
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { NodeBorderProgram } from "@sigma/node-border";
import * as Plot from "@observablehq/plot";

const data = JSON.parse(document.getElementById("cascade-data").textContent);
const report = { data, ready: false, errors: [] };
window.cascadeReport = report;

// ---- small helpers ---------------------------------------------------------------------------

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function fmt(x, digits = 2) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return x.toExponential(digits);
  return x.toLocaleString("en-US", { maximumFractionDigits: abs >= 100 ? 1 : digits });
}

function interval(e) {
  return e && e.low !== undefined ? `[${fmt(e.low)}, ${fmt(e.high)}]` : "–";
}

function setText(id, text) {
  const node = document.getElementById(id);
  if (node) node.textContent = text || "";
}

function fillTable(id, rows) {
  const body = document.querySelector(`#${id} tbody`);
  for (const row of rows) {
    const tr = document.createElement("tr");
    for (const cell of row) {
      const td = typeof cell === "number" ? el("td", fmt(cell), "number") : el("td", cell);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

function mount(id, figure) {
  const holder = document.getElementById(id);
  holder.replaceChildren(figure);
}

function width(id) {
  const holder = document.getElementById(id);
  return Math.max(320, Math.min(1300, holder.clientWidth || 600));
}

// Ten colours that stay apart (Tableau 10), then grey for the rest.
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                 "#ff9da7", "#9c755f", "#bab0ac"];
function communityColour(c, ranks) {
  const r = ranks.get(c);
  return r !== undefined && r < PALETTE.length ? PALETTE[r] : "#c7cbd1";
}
function reachColour(p) {
  // white-yellow to deep red
  const t = Math.max(0, Math.min(1, p));
  const r = Math.round(255 - 60 * t), g = Math.round(237 - 200 * t), b = Math.round(160 - 140 * t);
  return `rgb(${r},${g},${b})`;
}

// ---- header and run record ------------------------------------------------------------------

function drawHeader() {
  const g = data.graph || {};
  setText("title", data.title || "Cascade report");
  setText("subtitle", `${g.name || "network"}: ${fmt(g.nodes, 0)} people, ${fmt(g.arcs, 0)} ties; ` +
    `model ${data.model || "–"}, probabilities ${g.prob || "–"}.`);
  const rows = [];
  for (const [key, value] of Object.entries(data.record || {})) {
    rows.push([key, typeof value === "object" ? JSON.stringify(value) : String(value)]);
  }
  fillTable("record-table", rows);
}

// ---- the map ---------------------------------------------------------------------------------

function drawMap() {
  const map = data.map;
  if (!map || !map.nodes || map.nodes.length === 0) {
    setText("map-note", "No map: the report was written without one.");
    return;
  }
  setText("map-note", map.note);
  const graph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  const counts = new Map();
  for (const node of map.nodes) counts.set(node.community, (counts.get(node.community) || 0) + 1);
  const ranks = new Map([...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([c], i) => [c, i]));
  const maxInfluence = Math.max(1e-9, ...map.nodes.map((n) => n.influence || 0));
  const n = map.nodes.length;
  map.nodes.forEach((node, i) => {
    // Deterministic start: a golden-angle spiral, so the layout is the same on every opening.
    const angle = i * 2.399963229728653, radius = Math.sqrt(i + 1);
    const size = 3 + 12 * Math.sqrt((node.influence || 0) / maxInfluence);
    graph.addNode(String(i), {
      x: radius * Math.cos(angle), y: radius * Math.sin(angle), size,
      label: node.label, communityColour: communityColour(node.community, ranks),
      reachColour: reachColour(node.reach || 0),
      color: communityColour(node.community, ranks),
      type: node.seed ? "border" : "circle",
      borderColor: "#111111",
      forceLabel: Boolean(node.seed),
      zIndex: node.seed ? 2 : 1,
    });
  });
  for (const [s, t] of map.edges || []) {
    const a = String(s), b = String(t);
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { size: 0.5, color: "#d5d9de" });
  }
  const iterations = Math.max(30, Math.min(300, Math.round(4e5 / (n + graph.size + 1))));
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, { iterations, settings: { ...settings, barnesHutOptimize: n > 2000 } });

  const container = document.getElementById("map-canvas");
  const renderer = new Sigma(graph, container, {
    nodeProgramClasses: { border: NodeBorderProgram },
    defaultEdgeType: "line",
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 9,
    zIndex: true,
  });
  report.sigma = renderer;
  report.graph = graph;

  const tooltip = document.getElementById("tooltip");
  const show = (key, event) => {
    const node = map.nodes[Number(key)];
    tooltip.replaceChildren();
    tooltip.appendChild(el("b", node.label));
    const lines = [
      map.mode === "communities" && node.members !== undefined
        ? `community ${node.community}: ${fmt(node.members, 0)} people` : `community ${node.community}`,
      node.members !== undefined ? `members' influence, summed: ${fmt(node.influence)}` : `influence ${fmt(node.influence)} people`,
      node.members !== undefined ? `ties to other communities: ${fmt(node.degree, 0)}` : `degree ${fmt(node.degree, 0)}`,
      node.members !== undefined ? `a member is reached in ${fmt(100 * (node.reach || 0), 1)}% of runs, on average`
                                 : `reached in ${fmt(100 * (node.reach || 0), 1)}% of runs`,
    ];
    if (node.seed) lines.push("a seed");
    if (node.fee !== undefined && node.fee !== null) lines.push(`fee ${fmt(node.fee)}`);
    for (const line of lines) tooltip.appendChild(el("div", line));
    tooltip.hidden = false;
    const x = event ? event.x : 0, y = event ? event.y : 0;
    const box = container.getBoundingClientRect();
    tooltip.style.left = `${box.left + x + 14}px`;
    tooltip.style.top = `${box.top + y + 14}px`;
  };
  renderer.on("enterNode", ({ node, event }) => show(node, event));
  renderer.on("leaveNode", () => { tooltip.hidden = true; });

  const colourMode = document.getElementById("map-colour");
  const recolour = () => {
    const attribute = colourMode.value === "reach" ? "reachColour" : "communityColour";
    graph.forEachNode((key, attributes) => graph.setNodeAttribute(key, "color", attributes[attribute]));
    setText("map-legend", colourMode.value === "reach"
      ? "Colour: the chance of being reached, pale (never) to deep red (always). Size: influence. Black ring: a seed."
      : "Colour: the ten largest communities, grey for the rest. Size: influence. Black ring: a seed.");
  };
  colourMode.addEventListener("change", recolour);
  recolour();

  const list = document.getElementById("map-labels");
  const byLabel = new Map();
  map.nodes.forEach((node, i) => {
    if (!byLabel.has(node.label)) byLabel.set(node.label, i);
    if (list.childElementCount < 5000) { const option = document.createElement("option"); option.value = node.label; list.appendChild(option); }
  });
  const search = document.getElementById("map-search");
  search.addEventListener("change", () => {
    const i = byLabel.get(search.value);
    if (i === undefined) { setText("map-found", search.value ? "not on the map" : ""); return; }
    const display = renderer.getNodeDisplayData(String(i));
    renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.15 }, { duration: 400 });
    graph.setNodeAttribute(String(i), "highlighted", true);
    setText("map-found", `found ${map.nodes[i].label}`);
  });
  document.getElementById("map-reset").addEventListener("click", () => renderer.getCamera().animatedReset());
}

// ---- the diffusion ---------------------------------------------------------------------------

function drawDiffusion() {
  const d = data.diffusion;
  if (!d) { setText("diffusion-note", "No simulation in this report."); return; }
  setText("diffusion-note", d.note);
  const steps = d.steps || [];
  mount("chart-new", Plot.plot({
    width: width("chart-new"), height: 280, marginLeft: 55,
    x: { label: "step" }, y: { label: "new people reached", grid: true },
    marks: [
      Plot.areaY(steps, { x: "step", y1: "low", y2: "high", fill: "#4e79a7", fillOpacity: 0.2 }),
      Plot.lineY(steps, { x: "step", y: "mean", stroke: "#4e79a7", strokeWidth: 2 }),
      Plot.dot(steps, { x: "step", y: "mean", fill: "#4e79a7", r: 2.5, tip: true }),
    ],
  }));
  mount("chart-cumulative", Plot.plot({
    width: width("chart-cumulative"), height: 280, marginLeft: 55,
    x: { label: "step" }, y: { label: "people reached so far", grid: true },
    marks: [
      Plot.areaY(steps, { x: "step", y1: "cumulative_low", y2: "cumulative_high", fill: "#59a14f", fillOpacity: 0.2 }),
      Plot.lineY(steps, { x: "step", y: "cumulative_mean", stroke: "#59a14f", strokeWidth: 2 }),
    ],
  }));
  const f = d.final || {};
  const bins = f.histogram || [];
  const marks = [
    Plot.rectY(bins, { x1: "from", x2: "to", y: "runs", fill: "#f28e2b", insetLeft: 0.5, insetRight: 0.5 }),
    Plot.ruleY([0]),
  ];
  const percentiles = [["5%", f.p5], ["50%", f.p50], ["95%", f.p95]].filter(([, v]) => v !== undefined);
  marks.push(Plot.ruleX(percentiles, { x: (p) => p[1], stroke: "#1d2733", strokeDasharray: "4,3" }));
  marks.push(Plot.text(percentiles, { x: (p) => p[1], text: (p) => `${p[0]}: ${fmt(p[1], 0)}`, frameAnchor: "top", dy: -4, lineAnchor: "bottom" }));
  mount("chart-final", Plot.plot({
    width: width("chart-final"), height: 280, marginLeft: 55, marginTop: 24,
    x: { label: "people reached in a run" }, y: { label: "runs", grid: true }, marks,
  }));

  const sentiment = d.sentiment;
  if (sentiment) {
    const rows = [
      { side: "satisfied", ...sentiment.positive }, { side: "unhappy", ...sentiment.negative },
    ];
    mount("chart-sentiment", Plot.plot({
      width: width("chart-sentiment"), height: 160, marginLeft: 80, marginRight: 160,
      x: { label: "people", grid: true }, y: { label: null },
      color: { domain: ["satisfied", "unhappy"], range: ["#59a14f", "#e15759"] },
      marks: [
        Plot.barX(rows, { y: "side", x: "mean", fill: "side" }),
        Plot.ruleY(rows, { y: "side", x1: "low", x2: "high", stroke: "#1d2733", strokeWidth: 2 }),
        Plot.text(rows, { y: "side", x: "high", text: (r) => `${fmt(r.mean)} ${interval(r)}`, textAnchor: "start", dx: 6 }),
      ],
    }));
  } else {
    document.getElementById("figure-sentiment").hidden = true;
  }
  drawPyramid(d.tree);
}

// The who-told-whom tree of one run as a pyramid: row s holds the people reached at step s, each
// linked to the person who told them; within a row, people sit under their teller.
function drawPyramid(tree) {
  if (!tree || !tree.nodes || tree.nodes.length === 0) {
    setText("pyramid-caption", "Who told whom: no run was traced.");
    return;
  }
  const rows = new Map();
  for (const node of tree.nodes) {
    if (!rows.has(node.step)) rows.set(node.step, []);
    rows.get(node.step).push(node);
  }
  const position = new Map();
  const steps = [...rows.keys()].sort((a, b) => a - b);
  for (const step of steps) {
    const row = rows.get(step);
    row.sort((a, b) => (position.get(a.parent) ?? 0) - (position.get(b.parent) ?? 0) || a.id - b.id);
    row.forEach((node, i) => position.set(node.id, (i + 1) / (row.length + 1)));
  }
  const points = tree.nodes.map((node) => ({ ...node, x: position.get(node.id), y: node.step }));
  const byId = new Map(points.map((p) => [p.id, p]));
  const links = points.filter((p) => p.parent !== null && p.parent !== undefined && byId.has(p.parent))
    .map((p) => ({ x1: byId.get(p.parent).x, y1: byId.get(p.parent).y, x2: p.x, y2: p.y }));
  const counts = steps.map((s) => ({ step: s, people: rows.get(s).length }));
  const caption = `Who told whom in one run (run ${tree.run}): ${fmt(tree.total, 0)} people reached` +
    (tree.shown < tree.total ? `, the first ${fmt(tree.shown, 0)} drawn` : "") +
    "; seeds on top, each row one step further.";
  setText("pyramid-caption", caption);
  const w = width("chart-pyramid");
  const tall = Math.max(220, Math.min(700, 70 * steps.length));
  const pyramid = Plot.plot({
    width: Math.min(260, w / 4), height: tall, marginLeft: 40,
    x: { label: "people", axis: "top" }, y: { label: "step", domain: steps, type: "band" },
    marks: [Plot.barX(counts, { y: "step", x: "people", fill: "#b07aa1" }),
            Plot.text(counts, { y: "step", x: "people", text: (c) => fmt(c.people, 0), textAnchor: "start", dx: 4 })],
  });
  const treePlot = Plot.plot({
    width: w - Math.min(260, w / 4) - 20, height: tall, marginLeft: 20,
    x: { axis: null, domain: [0, 1] }, y: { label: "step", reverse: true, domain: [steps[0] - 0.3, steps[steps.length - 1] + 0.3], ticks: steps, tickFormat: "d" },
    marks: [
      Plot.link(links, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "#9aa3ad", strokeOpacity: 0.7 }),
      Plot.dot(points, { x: "x", y: "y", r: 3.5, fill: (p) => (p.step === 0 ? "#c2410c" : p.sentiment === "negative" ? "#e15759" : "#4e79a7"),
                         title: (p) => p.label }),
    ],
  });
  const holder = document.createElement("div");
  holder.style.display = "flex";
  holder.style.gap = "20px";
  holder.append(pyramid, treePlot);
  mount("chart-pyramid", holder);
}

// ---- the choice ------------------------------------------------------------------------------

function drawChoice() {
  const c = data.choice;
  if (!c) { setText("choice-note", "No seed choice in this report."); return; }
  setText("choice-note", c.note);
  fillTable("seed-table", (c.seeds || []).map((s, i) => [String(i + 1), s.label,
    s.gain === null || s.gain === undefined ? "–" : fmt(s.gain), s.fee === undefined || s.fee === null ? "–" : fmt(s.fee)]));
  const strategies = c.strategies || [];
  if (strategies.length === 0) {
    document.getElementById("chart-strategies").appendChild(el("p", "No strategy comparison in this report.", "muted"));
    return;
  }
  mount("chart-strategies", Plot.plot({
    width: width("chart-strategies"), height: 50 + 36 * strategies.length, marginLeft: 150, marginRight: 160,
    x: { label: "mean people reached", grid: true }, y: { label: null, domain: strategies.map((s) => s.strategy) },
    marks: [
      Plot.barX(strategies, { y: "strategy", x: "mean", fill: (s) => (s.strategy === "optimal" ? "#c2410c" : "#4e79a7") }),
      Plot.ruleY(strategies, { y: "strategy", x1: "low", x2: "high", stroke: "#1d2733", strokeWidth: 2 }),
      Plot.text(strategies, { y: "strategy", x: "high", text: (s) => `${fmt(s.mean)} ${interval(s)}`, textAnchor: "start", dx: 6 }),
      Plot.ruleX([0]),
    ],
  }));
}

// ---- who matters -----------------------------------------------------------------------------

function drawWho() {
  const w = data.who_matters;
  if (!w) { setText("who-note", "No ranking in this report."); return; }
  setText("who-note", [w.note, w.community_note].filter(Boolean).join(" "));
  const top = w.influencers || [];
  fillTable("influencer-table", top.slice(0, 25).map((p, i) => [String(i + 1), p.label, p.influence, p.degree]));
  mount("chart-influence", Plot.plot({
    width: width("chart-influence"), height: 300, marginLeft: 55,
    x: { label: "degree (out)", type: "symlog", grid: true }, y: { label: "influence (people)", grid: true },
    marks: [Plot.dot(w.scatter || top, { x: "degree", y: "influence", fill: "#4e79a7", fillOpacity: 0.6, r: 3, title: "label" })],
  }));
  fillTable("community-table", (w.communities || []).map((c) => [String(c.id), c.size, c.inside, c.conductance,
    c.loose ? "loose: more ties out than in" : "a real group: more ties in than out"]));
  document.querySelectorAll("#community-table td:last-child").forEach((td) => {
    if (td.textContent.startsWith("loose")) td.className = "loose";
  });
}

// ---- what it earned --------------------------------------------------------------------------

function drawEarned() {
  const v = data.earned;
  const section = document.getElementById("earned");
  if (!v) { section.hidden = true; return; }
  setText("earned-note", v.note);
  fillTable("earned-table", (v.rows || []).map((r) => [r.figure, fmt(r.mean), interval(r)]));
}

function run(step, name) {
  try {
    step();
  } catch (error) {
    report.errors.push(`${name}: ${error && error.message ? error.message : error}`);
    console.error(`cascade report, ${name}:`, error);
  }
}

run(drawHeader, "header");
run(drawMap, "map");
run(drawDiffusion, "diffusion");
run(drawChoice, "choice");
run(drawWho, "who matters");
run(drawEarned, "earned");
report.ready = true;
document.body.dataset.ready = "true";
