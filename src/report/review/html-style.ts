// The HTML report's stylesheet, inline: a readable page on a laptop, and a print layout for the
// review meeting (no controls, the graph as the picture of the current view, colours kept).

export const REPORT_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--failed:#6e0b14;--down:#d1242f;--degraded:#e09b00;--up:#b6c0cc;--upentry:#1a7f37;--entry:#0b5cd5;--spof:#8250df;--service:#8c959f}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:0 24px 40px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}
h1{font-size:26px;margin:24px 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:16px 0 6px}h4{font-size:14px;margin:12px 0 4px}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--bg);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
.br-muted{color:var(--muted)}
.br-cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.br-card{flex:1 1 160px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fff}
.br-card b{display:block;font-size:26px}.br-card span{color:var(--muted);font-size:13px}
.br-card.br-alarm b{color:var(--down)}
.br-findings li{margin:4px 0}
table{border-collapse:collapse;margin:8px 0;font-size:14px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:var(--bg)}
.br-num{text-align:right;font-variant-numeric:tabular-nums}
.br-scroll{overflow-x:auto}
.br-matrix td{text-align:center;font-size:12px;min-width:44px}
.br-matrix th.br-domain{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;white-space:nowrap;padding:6px 2px}
.br-matrix th.br-domain button{writing-mode:vertical-rl;background:none;border:0;padding:0;font:inherit;color:var(--entry);cursor:pointer}
td.br-down,.br-cell-down{background:#ffebe9;color:#82071e;font-weight:600}
td.br-degraded,.br-cell-degraded{background:#fff8c5;color:#7d4e00}
td.br-survives,.br-cell-survives{background:#dafbe1;color:#116329}
span.br-cell-down,span.br-cell-degraded,span.br-cell-survives{padding:0 4px;border-radius:3px}
button{font:inherit;font-size:13px;padding:2px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
button:hover{background:var(--bg)}
.br-sim{font-size:12px;padding:0 6px;color:var(--entry)}
.br-toolbar{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0;position:relative}
.br-toolbar input[type=search]{width:220px}.br-toolbar input[type=number]{width:48px}
.br-toolbar select{max-width:320px}
#br-search-results{position:absolute;z-index:10;top:100%;display:flex;flex-direction:column;background:#fff;box-shadow:0 4px 12px rgba(0,0,0,.15);border-radius:6px}
#br-search-results button{border:0;border-radius:0;text-align:left}
.br-stage{display:flex;gap:12px;height:72vh;min-height:420px}
#br-graph{flex:1 1 auto;border:1px solid var(--line);border-radius:8px;position:relative;overflow:hidden;background:#fff}
#br-loading{padding:16px;color:var(--muted)}
#br-panel{flex:0 0 360px;overflow-y:auto;border:1px solid var(--line);border-radius:8px;padding:4px 14px;font-size:14px}
#br-panel h3{margin-top:10px}
.br-headline{font-size:15px}
.br-chains li{cursor:pointer;margin:3px 0;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
.br-chains li:hover,.br-chains li:focus{background:#ffebe9}
.br-survives{color:#116329}
.br-idlist{display:flex;flex-wrap:wrap;gap:4px}.br-idlist button{font-size:12px;padding:0 6px}
#br-why{min-height:1.5em;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;margin:6px 0}
.br-legend{font-size:13px;color:var(--muted)}
.br-key{display:inline-block;width:11px;height:11px;border-radius:50%;vertical-align:middle;margin:0 2px 0 8px}
.br-key.br-failed{background:var(--failed)}.br-key.br-down{background:var(--down)}.br-key.br-degraded{background:var(--degraded)}.br-key.br-up{background:var(--up)}.br-key.br-upentry{background:var(--upentry)}.br-key.br-entry{background:var(--entry)}.br-key.br-spof{background:var(--spof)}.br-key.br-service{background:var(--service)}
.br-t-down{color:var(--down)}.br-t-degraded{color:#b07800}
#br-print-graph{display:none}
.br-waves li{margin:2px 0}
footer{margin-top:32px;font-size:13px}
@media (max-width:900px){.br-stage{flex-direction:column;height:auto}#br-graph{height:60vh}#br-panel{flex:none}}
@media print{
 body{max-width:none;padding:0;font-size:11pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .br-toolbar,#br-graph,.br-sim,#br-search-results{display:none!important}
 .br-stage{display:block;height:auto;min-height:0}
 #br-panel{border:0;padding:0;overflow:visible}
 #br-panel details{display:none}
 #br-print-graph{display:block;max-width:100%;border:1px solid var(--line)}
 section{break-inside:auto}h2{break-after:avoid}tr,li{break-inside:avoid}
 .br-scroll{overflow:visible}
}
`;
