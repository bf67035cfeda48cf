package priority

// ITIL returns the standard ITIL priority matrix: three impacts and three
// urgencies, "High", "Medium" and "Low" on both axes, mapping to five
// labelled levels:
//
//	impact \ urgency  High         Medium     Low
//	High              P1 Critical  P2 High    P3 Medium
//	Medium            P2 High      P3 Medium  P4 Low
//	Low               P3 Medium    P4 Low     P5 Planning
//
// The source is ITIL V3 Service Operation (OGC, TSO 2007), Table 4.1
// "Simple priority coding system", which gives the same grid with the
// priority codes 1 Critical, 2 High, 3 Medium, 4 Low and 5 Planning (and
// target resolution times of 1, 8, 24 and 48 hours and "planned", which
// belong to an SLA policy, not to this matrix). The table is reproduced at
// https://doclecture.net/1-2008.html. BMC Helix Remedyforce ships the same
// grid as its out-of-the-box Priority Matrix ("Creating priorities",
// Remedyforce 20.19.02 documentation,
// https://docs.bmc.com/docs/BMCHelixRemedyforce/201902/en/creating-priorities-868129808.html).
//
// The package offers no 4x4 or 5x5 variant: we found no published standard
// for one (vendors' larger matrices are derived from configurable weights),
// so build such a matrix with [NewMatrix] from your own policy. The
// nearest is the 4x5 example in Atlassian's "Create an impact urgency
// priority matrix" (Jira Service Management Cloud documentation,
// https://support.atlassian.com/jira-service-management-cloud/docs/how-do-i-create-a-matrix-using-impact-and-urgency-values/),
// which Atlassian calls "just examples" and whose Minor row maps Medium
// urgency to Lowest but Low urgency to Low; it is left out for that reason.
//
// Each call returns a new matrix, so no caller can affect another's.
func ITIL() *Matrix {
	m, err := build(
		[]string{"High", "Medium", "Low"},
		[]string{"High", "Medium", "Low"},
		[][]Priority{
			{1, 2, 3},
			{2, 3, 4},
			{3, 4, 5},
		},
		[]string{"Critical", "High", "Medium", "Low", "Planning"},
	)
	if err != nil {
		// Unreachable: the tests build this matrix.
		panic(err)
	}
	return m
}
