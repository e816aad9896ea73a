// Opens a page written by `cascade report` in Debian's chromium (headless, through
// playwright-core) and checks what a reader would see:
//   - the page loads with no console error, no page error and no request leaving the file;
//   - the map is drawn (sigma's WebGL canvases exist, and the map's screenshot is not blank);
//   - each chart holds marks (SVG paths, rects, circles);
//   - hovering the first drawn node shows its tooltip with its label;
//   - no label ran as code (window.__pwned stays undefined) and injected labels show as text.
// Writes a full-page screenshot (report.png) and the map's (map.png) into OUTDIR.
//
//   node check_page.mjs PAGE.html OUTDIR [--expect-text TEXT]... [--no-sentiment]
// Exit 0 when every check passes, 1 with the failed checks listed otherwise.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
if (args.length < 2) {
  console.error("usage: node check_page.mjs PAGE.html OUTDIR [--expect-text TEXT]...");
  process.exit(2);
}
const page_path = resolve(args[0]);
const out = resolve(args[1]);
const expected = [];
for (let i = 2; i < args.length; i++) if (args[i] === "--expect-text") expected.push(args[++i]);
mkdirSync(out, { recursive: true });

const executable = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(executable)) {
  console.error(`check_page: no chromium at ${executable} (install Debian's chromium: scripts/install-deps.sh)`);
  process.exit(1);
}

const failures = [];
function check(condition, what) {
  console.log(`${condition ? "ok  " : "FAIL"} ${what}`);
  if (!condition) failures.push(what);
}

const browser = await chromium.launch({
  executablePath: executable,
  headless: true,
  args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox", "--disable-gpu-sandbox"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const messages = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") messages.push(`${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => messages.push(`page error: ${e.message}`));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });
  page.on("dialog", async (d) => { messages.push(`dialog: ${d.message()}`); await d.dismiss(); });

  await page.goto(pathToFileURL(page_path).href, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 120000 });
  await page.waitForTimeout(500);

  const errors = await page.evaluate(() => window.cascadeReport.errors);
  check(errors.length === 0, `every part of the page drew (${errors.join("; ") || "no error"})`);
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined, "no label ran as code (window.__pwned undefined)");

  const map = await page.evaluate(() => {
    const s = window.cascadeReport.sigma;
    const canvases = [...document.querySelectorAll("#map-canvas canvas")];
    return { has: Boolean(s), order: s ? s.getGraph().order : 0, canvases: canvases.length,
             sized: canvases.filter((c) => c.width > 100 && c.height > 100).length,
             mode: window.cascadeReport.data.map ? window.cascadeReport.data.map.mode : null };
  });
  check(map.has && map.order > 0, `the map holds ${map.order} nodes (${map.mode})`);
  check(map.canvases >= 2 && map.sized >= 2, `the map's canvases are laid out (${map.sized} of ${map.canvases})`);
  const mapShot = join(out, "map.png");
  await page.locator("#map-canvas").screenshot({ path: mapShot });
  // A blank 1,350 x 620 area compresses to a few KiB; a drawn network to far more.
  const mapBytes = statSync(mapShot).size;
  check(mapBytes > 15000, `the map is drawn (its screenshot: ${mapBytes} bytes)`);

  // The charts the data calls for: the comparison and the influence scatter only when present.
  const charts = await page.evaluate(() => {
    const d = window.cascadeReport.data;
    const list = ["chart-new", "chart-cumulative", "chart-final", "chart-pyramid"];
    if (d.choice && d.choice.strategies && d.choice.strategies.length > 0) list.push("chart-strategies");
    if (d.who_matters && d.who_matters.influencers && d.who_matters.influencers.length > 0) list.push("chart-influence");
    if (d.diffusion && d.diffusion.sentiment) list.push("chart-sentiment");
    return list;
  });
  for (const chart of charts) {
    const marks = await page.evaluate((id) => {
      const holder = document.getElementById(id);
      if (!holder) return -1;
      return holder.querySelectorAll("svg path, svg rect, svg circle, svg line").length;
    }, chart);
    check(marks > 3, `chart #${chart} rendered (${marks} marks)`);
  }

  // Hover the first node the map draws: its tooltip shows its label.
  await page.locator("#map").scrollIntoViewIfNeeded();
  const target = await page.evaluate(() => {
    const s = window.cascadeReport.sigma;
    const box = document.getElementById("map-canvas").getBoundingClientRect();
    const key = s.getGraph().nodes()[0];
    const display = s.getNodeDisplayData(key);
    const point = s.framedGraphToViewport(display);
    return { x: box.left + point.x, y: box.top + point.y, label: s.getGraph().getNodeAttribute(key, "label") };
  });
  await page.mouse.move(target.x - 40, target.y - 40);
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.waitForTimeout(300);
  const tooltip = await page.evaluate(() => {
    const t = document.getElementById("tooltip");
    return { hidden: t.hidden, text: t.textContent, html: t.innerHTML };
  });
  check(!tooltip.hidden && tooltip.text.includes(target.label),
        `hovering a node shows its tooltip (${JSON.stringify(tooltip.text.slice(0, 80))})`);

  const body = await page.evaluate(() => document.body.innerText);
  for (const text of expected) check(body.includes(text) || tooltip.text.includes(text), `the page shows ${JSON.stringify(text)} as text`);

  await page.screenshot({ path: join(out, "report.png"), fullPage: true });
  check(messages.length === 0, `no console error or warning (${messages.join(" | ") || "none"})`);
  check(requests.length === 0, `no request left the file (${requests.join(", ") || "none"})`);
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`check_page: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("check_page: every check passed");
