package check

// RulesVersion numbers the set of rules Run applies. Raise it with every change
// of a rule or of what counts as an error or a warning: the store keeps each
// report's counts as of its save, and recounts them all when this changes.
// 1: R1–R6, W1–W7; 2: W8–W11 and the stated differences; 3: W8 reads the
// text around the tables of parts 二–四 (format nianbao/2), and W9 across
// units is one finding per report, naming how many units share its text;
// 4: W12, dates and years of another report year.
const RulesVersion = 4
