package report

import "nianbao/data/money"

// FeeAmount returns the fee of part 二 as a fixed-point amount ("" reads as 0).
// The error is the file format's, for a fee set in code that no file could hold.
func (p Proactive) FeeAmount() (money.Amount, error) { return money.Parse(p.Fees) }
