package web

// pageTemplates are the page (a whole HTML document) and the fragment (the
// report's article with its style, to paste into a CMS). Both show "report".
const pageTemplates = `
{{define "page"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="年报（nianbao）">
<title>{{.Title}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
<main>
{{template "report" .}}
{{- if .Files}}
<nav class="nb-files" aria-label="下载">
<h2>下载</h2>
<ul>
{{- range .Files}}
<li><a href="{{.Name}}" download>{{.Label}}</a></li>
{{- end}}
</ul>
</nav>
{{- end}}
</main>
</body>
</html>
{{end}}

{{define "fragment"}}<div class="nianbao-report" lang="zh-CN">
<style>
{{.CSS}}</style>
{{template "report" .}}
</div>
{{end}}

{{define "runs"}}{{range .}}{{if .Bold}}<strong>{{.Text}}</strong>{{else}}{{.Text}}{{end}}{{end}}{{end}}

{{/* The closing's sign-off as GB/T 9704 places it: the date four
characters in from the right, the name centred over it. Its look is in style
attributes too, so that a site that drops the page's styles keeps it. */}}
{{define "signoff"}}<div class="nb-signoff" style="text-align:right;padding-right:4em;margin-top:1.6em">
<div style="display:inline-block;text-align:center">
{{- if .Signature}}
<p class="nb-signature" style="text-indent:0;text-align:center;margin:0">{{template "runs" .Signature}}</p>
{{- end}}
{{- if .Date}}
<p class="nb-date" style="text-indent:0;text-align:center;margin:0">{{template "runs" .Date}}</p>
{{- end}}
</div>
</div>{{end}}

{{define "report"}}<article class="nb-report">
{{- range .Blocks}}
{{- if .Table}}
{{template "table" .Table}}
{{- else if eq .Tag "h1"}}
<h1>{{template "runs" .Runs}}</h1>
{{- else if eq .Tag "h2"}}
<h2>{{template "runs" .Runs}}</h2>
{{- else if eq .Tag "h3"}}
<h3>{{template "runs" .Runs}}</h3>
{{- else if eq .Tag "signoff"}}
{{template "signoff" .}}
{{- else}}
<p>{{template "runs" .Runs}}</p>
{{- end}}
{{- end}}
{{- if .Charts}}
<section class="nb-charts" aria-labelledby="nb-charts-heading">
<h2 id="nb-charts-heading">图解</h2>
{{- range .Charts}}
<figure id="{{.ID}}">
<figcaption>{{.Title}}</figcaption>
<div class="nb-chart">{{.SVG}}</div>
<p class="nb-alt">{{.Alt}}</p>
</figure>
{{- end}}
</section>
{{- end}}
</article>{{end}}

{{define "table"}}<div class="nb-table{{if .Wide}} nb-wide{{end}}{{if .Keep}} nb-keep{{end}}" role="region" aria-labelledby="{{.ID}}-caption" tabindex="0">
<table id="{{.ID}}"{{if .Inline}} style="border-collapse:collapse"{{end}}>
<caption id="{{.ID}}-caption">{{.Caption}}</caption>
{{- $inline := .Inline}}
{{- range .Groups}}
{{if .Head}}<thead>{{else}}<tbody>{{end}}
{{- range .Rows}}
<tr>
{{- range .}}
{{- if .Header}}<th id="{{.ID}}" scope="{{.Scope}}"{{if gt .RowSpan 1}} rowspan="{{.RowSpan}}"{{end}}{{if gt .ColSpan 1}} colspan="{{.ColSpan}}"{{end}}{{if .Class}} class="{{.Class}}"{{end}}{{if $inline}} style="border:1px solid #555;padding:3px 5px{{if eq .Class "start"}};text-align:left{{end}}"{{end}}>{{.Text}}</th>
{{- else}}<td headers="{{.Headers}}"{{if gt .RowSpan 1}} rowspan="{{.RowSpan}}"{{end}}{{if gt .ColSpan 1}} colspan="{{.ColSpan}}"{{end}}{{if $inline}} style="border:1px solid #555;padding:3px 5px;text-align:right"{{end}}>{{.Text}}</td>
{{- end}}
{{- end}}
</tr>
{{- end}}
{{if .Head}}</thead>{{else}}</tbody>{{end}}
{{- end}}
</table>
</div>{{end}}
`
