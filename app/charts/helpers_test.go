package charts

import "slices"

// Test helpers: what a chart draws, read by the tests (the program draws it and
// states it in Alt; no caller reads the figures otherwise).

// Categories names the chart's bars, or the years of a line chart.
func (c *Chart) Categories() []string { return slices.Clone(c.categories) }

// Series names the chart's series; a chart of one series has one name.
func (c *Chart) Series() []string { return slices.Clone(c.series) }

// Values returns values[series][category].
func (c *Chart) Values() [][]int {
	out := make([][]int, len(c.values))
	for i, v := range c.values {
		out[i] = slices.Clone(v)
	}
	return out
}
