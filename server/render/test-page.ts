import type { PrerenderOutput } from '../../src/core/prerender.ts';

/** A built index.html, its stylesheet and policy, and a render of the app, for the renderer's tests. */
export const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>Insurance fund balances</title>
    <!-- Every view starts with the pool list: ask for it while the scripts load. -->
    <link rel="preload" href="/fapi/v1/insuranceBalance" as="fetch" crossorigin="anonymous" />
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-b2.css">
    <link rel="preload" as="script" crossorigin href="/assets/start-c3.js">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
export const CSS = ':root{--bg:#fff}body{margin:0}';
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

export const page: PrerenderOutput = {
  html: '<main><section data-testid="pool">BTCUSDT</section></main>',
  dataId: 'prerendered',
  data: '{"renderedAt":1,"fetchedAt":1,"demo":false,"pools":[]}',
  lang: 'zh-CN',
  title: '保险基金余额 · <U本位>',
  description: 'BTCUSDT "pool" & <co>',
  theme: 'dark',
};
