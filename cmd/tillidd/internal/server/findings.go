package server

import (
	"encoding/json"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/i18n"
)

// withFindings returns v's JSON form with every "findings" array replaced
// by the rendered findings (code, severity, refs, text) and every
// "message" object left as is. It serves the register endpoints, which
// return library values holding findings; the check's hot path builds its
// answer directly instead.
func withFindings(p *i18n.Printer, v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		return v
	}
	return walk(p, tree)
}

func walk(p *i18n.Printer, x any) any {
	switch x := x.(type) {
	case map[string]any:
		for k, v := range x {
			if k == "findings" {
				if arr, ok := v.([]any); ok {
					x[k] = renderRaw(p, arr)
					continue
				}
			}
			x[k] = walk(p, v)
		}
		return x
	case []any:
		for i := range x {
			x[i] = walk(p, x[i])
		}
		return x
	}
	return x
}

func renderRaw(p *i18n.Printer, arr []any) any {
	fs := make([]compliance.Finding, 0, len(arr))
	for _, a := range arr {
		b, err := json.Marshal(a)
		if err != nil {
			return arr
		}
		var f compliance.Finding
		if err := json.Unmarshal(b, &f); err != nil {
			return arr
		}
		fs = append(fs, f)
	}
	return renderFindings(p, fs)
}
