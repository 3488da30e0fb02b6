// Package combine runs a round of 汇总: the reports of a government's units
// for one year (files, or the reports the database holds through Database)
// checked one by one, each unit's status against the roster and the
// deadline (未收到, 已逾期, 有错误, 有警告, 通过), and the figures of parts 二, 三
// and 四 of the units counted summed, cell by cell, into one combined report.
//
// A Batch takes the received reports (Add) and Finish gives the Result;
// FromDatabase runs the same round over the stored reports. A Result holds
// the statuses, the sum (Figures, the fee exact in millionths of 万元), where
// each figure of the sum comes from (Contributions), the findings of the
// combined report, text copied between units (W9, through one index of
// sentences, so that a round grows linearly with its units) and the
// hierarchy check (Hierarchy: the figures a government's own report states
// against the sum of its units). The cells (Cells) are the printed model's
// (data/printed), in its order.
//
// The package reads report files and rosters and writes nothing: the command
// line, the window's 汇总 view and the spreadsheet (app/sheet) present a
// Result.
package combine
