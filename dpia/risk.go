package dpia

import (
	"encoding/json"

	"github.com/tillid/tillid/compliance"
)

// Rating is a risk's likelihood and severity, each on the four-step scale
// of [Level]. The zero Rating means not rated.
type Rating struct {
	// Likelihood is how possible the feared event is.
	Likelihood Level `json:"likelihood,omitzero"`
	// Severity is how serious its consequences for the data subjects are.
	Severity Level `json:"severity,omitzero"`
}

// IsZero reports whether r is unrated.
func (r Rating) IsZero() bool { return r == Rating{} }

// Rated reports whether both likelihood and severity are set.
func (r Rating) Rated() bool { return r.Likelihood.Valid() && r.Severity.Valid() }

// Level returns the risk level m gives the rating, or 0 when r is not
// rated. The zero Matrix means [DefaultMatrix].
func (r Rating) Level(m Matrix) RiskLevel {
	if !r.Rated() {
		return 0
	}
	if m.IsZero() {
		m = DefaultMatrix()
	}
	return m[r.Severity-1][r.Likelihood-1]
}

// Matrix gives the level of a risk for each severity (first index,
// Negligible to Maximum) and likelihood (second index). A kommune may set
// its own in its [Policy]; every cell must be a valid [RiskLevel].
//
// The GDPR asks for the "likelihood and severity" of the risk (Recitals 75,
// 76 and 90; Art 24(1)) but prescribes no scale or matrix, and WP248 leaves
// the methodology to the controller (III.D.c and Annex 1). The four-step
// scales and the three risks are those of the CNIL PIA methodology
// (February 2018 edition; WP248 Annex 1 lists its 2015 edition as an
// existing framework); see [DefaultMatrix] for the matrix.
type Matrix [4][4]RiskLevel

// DefaultMatrix returns the matrix tillid uses unless a policy sets
// another. It follows the four regions of the CNIL PIA methodology's risk
// map (CNIL, PIA Methodology, February 2018 edition,
// https://www.cnil.fr/sites/default/files/atoms/files/cnil-pia-1-en-methodology.pdf ,
// whose risk map places each risk by severity and likelihood, initial and
// residual), reading "high" as significant or maximum:
//
//	                 likelihood: negligible limited  significant maximum
//	severity negligible          low        low      medium      medium
//	         limited             low        low      medium      medium
//	         significant         medium     medium   high        high
//	         maximum             medium     medium   high        high
//
// High severity and high likelihood give [High]; one of them high gives
// [Medium] (the risk must be reduced or avoided); neither gives [Low]. The
// sources read for this package do not give the map's exact wording, so
// the regions are tillid's reading; WP248 III.E's examples of an
// unacceptable residual risk (consequences that are significant or
// irreversible, or a risk that will obviously occur) may call for a
// stricter matrix, and [Check] separately warns of a residual risk whose
// severity stays maximum.
func DefaultMatrix() Matrix {
	return Matrix{
		{Low, Low, Medium, Medium},
		{Low, Low, Medium, Medium},
		{Medium, Medium, High, High},
		{Medium, Medium, High, High},
	}
}

// IsZero reports whether m is the zero Matrix (no cell set).
func (m Matrix) IsZero() bool { return m == Matrix{} }

// Validate reports whether every cell is a valid [RiskLevel].
func (m Matrix) Validate() error {
	var v compliance.Validation
	for s := range m {
		for l := range m[s] {
			if !m[s][l].Valid() {
				v.Add(index(index("", s), l), compliance.ReasonUnknown)
			}
		}
	}
	return v.Err("matrix")
}

// MarshalJSON writes the matrix as four rows of four level codes; the zero
// Matrix as null.
func (m Matrix) MarshalJSON() ([]byte, error) {
	if m.IsZero() {
		return []byte("null"), nil
	}
	var rows [4][4]string
	for s := range m {
		for l := range m[s] {
			rows[s][l] = m[s][l].String()
		}
	}
	return json.Marshal(rows)
}

// UnmarshalJSON reads four rows of four level codes; null gives the zero
// Matrix.
func (m *Matrix) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*m = Matrix{}
		return nil
	}
	var rows [4][4]RiskLevel
	if err := json.Unmarshal(b, &rows); err != nil {
		return &compliance.FieldError{Reason: compliance.ReasonFormat}
	}
	*m = rows
	return nil
}
