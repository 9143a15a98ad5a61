package server

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/i18n"
)

// Problem is an RFC 9457 problem details object. It never carries the
// request's input: fields are named by their JSON path, reasons by code,
// and detail is rendered from the library's error in the request language,
// which itself never contains input (compliance.FieldError).
type Problem struct {
	Type     string         `json:"type"`
	Title    string         `json:"title"`
	Status   int            `json:"status"`
	Detail   string         `json:"detail,omitempty"`
	Instance string         `json:"instance,omitempty"`
	Errors   []ProblemField `json:"errors,omitempty"`
}

// ProblemField names one rejected field.
type ProblemField struct {
	Field    string   `json:"field"`
	Reason   string   `json:"reason"`
	Accepted []string `json:"accepted,omitempty"`
}

const problemBase = "https://tillid.dk/problems/"

func writeProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	p.Instance = r.URL.Path
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

func problem(w http.ResponseWriter, r *http.Request, status int, typ, detail string) {
	t := ""
	if typ != "" {
		t = problemBase + typ
	}
	writeProblem(w, r, Problem{Type: t, Status: status, Detail: detail})
}

// storeError maps an error of the library or a store to a problem: invalid
// input 422 with the fields, not found 404, conflict 412 (a version
// mismatch under If-Match), anything else 500 with a generic detail (the
// error is logged by code path only).
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, p *i18n.Printer, err error) {
	var ve *compliance.ValidationError
	var fe *compliance.FieldError
	switch {
	case errors.As(err, &ve):
		pr := Problem{Type: problemBase + "invalid", Status: http.StatusUnprocessableEntity, Detail: p.Error(err)}
		for _, f := range ve.Fields {
			pr.Errors = append(pr.Errors, fieldOf(ve.Entity, f))
		}
		writeProblem(w, r, pr)
	case errors.As(err, &fe):
		writeProblem(w, r, Problem{Type: problemBase + "invalid", Status: http.StatusUnprocessableEntity,
			Detail: p.Error(err), Errors: []ProblemField{fieldOf("", *fe)}})
	case errors.Is(err, compliance.ErrNotFound):
		problem(w, r, http.StatusNotFound, "not-found", p.Error(compliance.ErrNotFound))
	case errors.Is(err, compliance.ErrConflict):
		problem(w, r, http.StatusPreconditionFailed, "version-conflict", p.Error(compliance.ErrConflict))
	case errors.Is(err, dpia.ErrIncomplete), errors.Is(err, dpia.ErrSignedOff):
		problem(w, r, http.StatusConflict, "state", p.Error(err))
	case errors.Is(err, compliance.ErrInvalid):
		problem(w, r, http.StatusUnprocessableEntity, "invalid", p.Error(err))
	default:
		s.metrics.storeErrors.Add(1)
		s.log.ErrorContext(r.Context(), "store error", "route", r.Pattern, "error_type", errType(err))
		problem(w, r, http.StatusInternalServerError, "internal", "")
	}
}

func fieldOf(entity string, f compliance.FieldError) ProblemField {
	name := f.Field
	if name == "" {
		name = entity
	}
	return ProblemField{Field: name, Reason: f.Reason.String(), Accepted: f.Accepted}
}

// errType names an error's dynamic type for logs; the message itself may
// quote input.
func errType(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			break
		}
		err = u
	}
	return typeName(err)
}
