// Runs axe-core over HTML files in jsdom and prints the violations as JSON:
//   node check.js page.html ... [--fragment fragment.html ...]
// A fragment is checked as a CMS shows it: inside the <main> of a page that
// has its own lang and title. jsdom has no layout, so colour contrast (which
// needs one) is not checked; every other WCAG 2.x A/AA and best-practice rule runs.
const fs = require("fs");
const path = require("path");
const { JSDOM } = require("jsdom");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

async function check(file, fragment) {
  let html = fs.readFileSync(file, "utf8");
  if (fragment) {
    html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站</title></head><body><main>${html}</main></body></html>`;
  }
  const dom = new JSDOM(html, { runScripts: "outside-only", pretendToBeVisual: true });
  dom.window.eval(axeSource);
  const res = await dom.window.axe.run(dom.window.document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    rules: { "color-contrast": { enabled: false }, "color-contrast-enhanced": { enabled: false } },
  });
  return {
    file: path.basename(file),
    fragment,
    passes: res.passes.length,
    violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html.slice(0, 200)) })),
  };
}

(async () => {
  const out = [];
  let fragment = false;
  for (const f of process.argv.slice(2)) {
    if (f === "--fragment") fragment = true;
    else out.push(await check(f, fragment));
  }
  process.stdout.write(JSON.stringify(out, null, 1));
})().catch((e) => { console.error(e); process.exit(2); });
