/** The one HTML page; the host script picks the view from the path. */
export const PAGE_SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LedgerSync – local HubSpot preview</title>
<link rel="stylesheet" href="/assets/preview.css">
</head>
<body>
<div id="root"></div>
<script type="module" src="/assets/host.js"></script>
</body>
</html>
`;

/** A light HubSpot-like look: Lexend-ish system font, soft borders, teal accents. */
export const PREVIEW_CSS = `
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #33475b; background: #f5f8fa; }
.hs-nav { display: flex; gap: 20px; align-items: center; padding: 10px 24px; background: #2d3e50; color: #fff; }
.hs-nav a { color: #cbd6e2; text-decoration: none; } .hs-nav a:hover { color: #fff; }
main { padding: 16px 24px; max-width: 1100px; }
h1 { font-size: 22px; font-weight: 600; }
.hs-card { background: #fff; border: 1px solid #cbd6e2; border-radius: 4px; margin-top: 16px; }
.hs-card-header { padding: 10px 16px; border-bottom: 1px solid #dfe3eb; font-weight: 600; }
.hs-card-body { padding: 16px; }
.hs-table { border-collapse: collapse; width: 100%; background: #fff; }
.hs-table th, .hs-table td { border: 1px solid #dfe3eb; padding: 6px 10px; text-align: left; }
.hs-table th { background: #f5f8fa; font-weight: 600; }
.hs-flex { display: flex; flex-direction: column; gap: 8px; }
.hs-button-row { display: flex; gap: 8px; flex-wrap: wrap; }
.hs-button { border-radius: 3px; padding: 6px 14px; border: 1px solid #ff7a59; background: #fff; color: #ff7a59; cursor: pointer; font: inherit; text-decoration: none; display: inline-block; }
.hs-button-primary { background: #ff7a59; color: #fff; }
.hs-button:disabled { opacity: .5; cursor: default; }
.hs-link { background: none; border: 0; color: #0091ae; cursor: pointer; padding: 0; font: inherit; }
.hs-status { display: inline-block; border-radius: 3px; padding: 1px 8px; font-size: 12px; font-weight: 600; background: #eaf0f6; }
.hs-status-success { background: #e5f8f6; color: #00a38d; } .hs-status-danger, .hs-status-error { background: #fde8e9; color: #d94c53; }
.hs-status-warning { background: #fef8f0; color: #b36b00; } .hs-status-info { background: #e5f5f8; color: #0091ae; }
.hs-has-tooltip { position: relative; cursor: help; border: 0; font: inherit; font-size: 12px; align-self: flex-start; }
.hs-tooltip { display: none; position: absolute; left: 0; bottom: calc(100% + 6px); z-index: 20; width: 260px; padding: 6px 8px; border-radius: 3px; background: #33475b; color: #fff; font-weight: 400; }
.hs-has-tooltip:hover .hs-tooltip, .hs-has-tooltip:focus .hs-tooltip { display: block; }
.hs-alert { border-left: 4px solid #0091ae; background: #e5f5f8; padding: 8px 12px; margin: 8px 0; }
.hs-alert-danger, .hs-alert-error { border-color: #d94c53; background: #fde8e9; }
.hs-alert-warning { border-color: #f5c26b; background: #fef8f0; } .hs-alert-success { border-color: #00bda5; background: #e5f8f6; }
.hs-tile { border: 1px solid #dfe3eb; border-radius: 4px; padding: 12px; margin: 8px 0; background: #fff; }
.hs-heading { font-size: 16px; margin: 4px 0; } .hs-bold { font-weight: 600; } .hs-micro { font-size: 12px; color: #7c98b6; }
.hs-text { margin: 2px 0; }
.hs-progress { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; } .hs-progress progress { flex-basis: 100%; } .hs-progress-description { font-size: 12px; color: #516f90; }
.hs-dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.hs-dl-item { display: contents; } .hs-dl dt { color: #7c98b6; } .hs-dl dd { margin: 0; }
.hs-record { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.hs-record dt { color: #7c98b6; } .hs-record dd { margin: 0; }
.hs-field { display: flex; flex-direction: column; gap: 2px; margin: 6px 0; }
.hs-field select, .hs-field input { padding: 5px 8px; border: 1px solid #cbd6e2; border-radius: 3px; font: inherit; max-width: 320px; }
.hs-error { color: #d94c53; margin: 0; }
.hs-toggle { display: inline-flex; gap: 6px; align-items: center; }
.hs-overlay-host { position: fixed; top: 0; right: 0; bottom: 0; width: min(560px, 90vw); background: #fff; box-shadow: -4px 0 16px rgba(0,0,0,.15); overflow: auto; padding: 16px; z-index: 10; }
.hs-overlay-close { float: right; font-size: 20px; background: none; border: 0; cursor: pointer; }
.hs-pagination { display: flex; gap: 12px; align-items: center; padding: 6px 0; }
.hs-divider { border: 0; border-top: 1px solid #dfe3eb; margin: 12px 0; }
.hs-empty { padding: 12px; color: #7c98b6; }
`;
