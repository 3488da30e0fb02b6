package check

// RulesVersion numbers what the rules find. It changes whenever a rule is
// added or finds differently, so that counts of findings stored with reports
// can be recounted. 2: W8–W11 and the stated differences (issue 11).
const RulesVersion = 2
