package server

import (
	"bytes"
	"errors"
	"iter"
	"net/http"
	"strconv"
	"time"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
)

// collect gathers up to maxList items of seq.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	out := []T{}
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		if len(out) == maxList {
			break
		}
		out = append(out, v)
	}
	return out, nil
}

type items[T any] struct {
	Items []T `json:"items"`
}

// reply answers with v (and its version as ETag) or the error's problem.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, c *call, status int, version uint64, v any, err error) {
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	writeJSON(w, status, version, v)
}

func (s *Server) created(w http.ResponseWriter, r *http.Request, c *call, path string, id string, version uint64, v any, err error) {
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	s.log.InfoContext(r.Context(), "record created", "controller", c.t.ctrl.ID, "key", c.key.ID, "route", r.Pattern, "id", id)
	w.Header().Set("Location", path+id)
	writeJSON(w, http.StatusCreated, version, v)
}

func (s *Server) updated(w http.ResponseWriter, r *http.Request, c *call, version uint64, v any, err error) {
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	s.log.InfoContext(r.Context(), "record updated", "controller", c.t.ctrl.ID, "key", c.key.ID, "route", r.Pattern, "version", version)
	writeJSON(w, http.StatusOK, version, v)
}

// Breaches.

func (s *Server) createBreach(w http.ResponseWriter, r *http.Request, c *call) {
	b, ok := readJSON[breach.Breach](w, r, c, s, "breach")
	if !ok {
		return
	}
	b, err := c.t.breaches.Create(r.Context(), c.t.ctrl.ID, b)
	s.created(w, r, c, "/v1/breaches/", b.ID.String(), b.Version, b, err)
}

func (s *Server) listBreaches(w http.ResponseWriter, r *http.Request, c *call) {
	bs, err := collect(s.be.Breaches().List(r.Context(), c.t.ctrl.ID, breach.Filter{}))
	s.reply(w, r, c, http.StatusOK, 0, items[breach.Breach]{bs}, err)
}

func (s *Server) getBreach(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*breach.ID](w, r)
	if !ok {
		return
	}
	b, err := c.t.breaches.Get(r.Context(), c.t.ctrl.ID, id)
	s.reply(w, r, c, http.StatusOK, b.Version, b, err)
}

func (s *Server) updateBreach(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*breach.ID](w, r)
	if !ok {
		return
	}
	v, ok := ifMatch(w, r)
	if !ok {
		return
	}
	b, ok := readJSON[breach.Breach](w, r, c, s, "breach")
	if !ok {
		return
	}
	b.ID, b.Version = id, v
	b, err := c.t.breaches.Update(r.Context(), c.t.ctrl.ID, b)
	s.updated(w, r, c, b.Version, b, err)
}

func (s *Server) assessBreach(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*breach.ID](w, r)
	if !ok {
		return
	}
	b, a, err := c.t.breaches.Assess(r.Context(), c.t.ctrl.ID, id)
	s.reply(w, r, c, http.StatusOK, b.Version, withFindings(c.p, a), err)
}

// noticeInput is the contact point a notice names: the kommune's own
// details (Art 33(3)(b)), never a data subject's.
type noticeInput struct {
	Name  string `json:"name"`
	DPO   bool   `json:"dpo,omitempty"`
	Email string `json:"email"`
	Phone string `json:"phone,omitempty"`
}

// Rendered is a document rendered in the request's language.
type Rendered struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

func (s *Server) breachNotices(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*breach.ID](w, r)
	if !ok {
		return
	}
	in, ok := readJSON[noticeInput](w, r, c, s, "contact")
	if !ok {
		return
	}
	contact := breach.Contact{Controller: c.t.ctrl.Name, Name: in.Name, DPO: in.DPO, Email: in.Email, Phone: in.Phone}
	auth, letter, err := c.t.breaches.Notices(r.Context(), c.t.ctrl.ID, id, contact)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	out := struct {
		Authority Rendered  `json:"authority"`
		Letter    *Rendered `json:"letter"`
	}{Authority: Rendered{c.p.Text(auth), c.p.Markdown(auth)}}
	if letter != nil {
		out.Letter = &Rendered{c.p.Text(*letter), c.p.Markdown(*letter)}
	}
	writeJSON(w, http.StatusOK, 0, out)
}

func (s *Server) breachStatistics(w http.ResponseWriter, r *http.Request, c *call) {
	y := s.cfg.Options.Clock().In(c.t.cal.Location()).Year()
	if q := r.URL.Query().Get("year"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1900 || n > 9999 {
			writeProblem(w, r, Problem{Type: problemBase + "invalid", Status: http.StatusUnprocessableEntity,
				Errors: []ProblemField{{Field: "year", Reason: compliance.ReasonRange.String()}}})
			return
		}
		y = n
	}
	st, err := c.t.breaches.Year(r.Context(), c.t.ctrl.ID, y)
	s.reply(w, r, c, http.StatusOK, 0, st, err)
}

// Records of processing.

func (s *Server) createActivity(w http.ResponseWriter, r *http.Request, c *call) {
	a, ok := readJSON[record.Activity](w, r, c, s, "activity")
	if !ok {
		return
	}
	a, err := c.t.records.CreateActivity(r.Context(), c.t.ctrl.ID, a)
	s.created(w, r, c, "/v1/activities/", a.ID.String(), a.Version, a, err)
}

func (s *Server) listActivities(w http.ResponseWriter, r *http.Request, c *call) {
	as, err := collect(c.t.records.Activities(r.Context(), c.t.ctrl.ID, record.Filter{}))
	s.reply(w, r, c, http.StatusOK, 0, items[record.Activity]{as}, err)
}

func (s *Server) getActivity(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*record.ActivityID](w, r)
	if !ok {
		return
	}
	a, err := c.t.records.Activity(r.Context(), c.t.ctrl.ID, id)
	s.reply(w, r, c, http.StatusOK, a.Version, a, err)
}

func (s *Server) updateActivity(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*record.ActivityID](w, r)
	if !ok {
		return
	}
	v, ok := ifMatch(w, r)
	if !ok {
		return
	}
	a, ok := readJSON[record.Activity](w, r, c, s, "activity")
	if !ok {
		return
	}
	a.ID, a.Version = id, v
	a, err := c.t.records.UpdateActivity(r.Context(), c.t.ctrl.ID, a)
	s.updated(w, r, c, a.Version, a, err)
}

func (s *Server) assessActivity(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*record.ActivityID](w, r)
	if !ok {
		return
	}
	fs, err := c.t.records.Assess(r.Context(), c.t.ctrl.ID, id)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	writeJSON(w, http.StatusOK, 0, ActivityAssessment{Activity: id, Findings: renderFindings(c.p, fs)})
}

// ActivityAssessment is the assessment of a record of processing: its
// findings, rendered.
type ActivityAssessment struct {
	Activity record.ActivityID `json:"activity"`
	Findings []Finding         `json:"findings"`
}

func (s *Server) exportActivities(w http.ResponseWriter, r *http.Request, c *call) {
	party := record.Party{Name: c.t.ctrl.Name, Jurisdiction: c.t.ctrl.Jurisdiction, PublicAuthority: true}
	e, err := c.t.records.Export(r.Context(), c.t.ctrl.ID, party)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	var buf bytes.Buffer
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
		w.Header().Set("Content-Type", "application/json")
		err = e.WriteJSON(&buf)
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		err = c.p.CSV(&buf, e.Table())
	case "markdown":
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		buf.WriteString(c.p.Markdown(e.Document()))
	default:
		w.Header().Del("Content-Type")
		writeProblem(w, r, Problem{Type: problemBase + "invalid", Status: http.StatusUnprocessableEntity,
			Errors: []ProblemField{{Field: "format", Reason: compliance.ReasonUnknown.String(), Accepted: []string{"json", "csv", "markdown"}}}})
		return
	}
	if err != nil {
		w.Header().Del("Content-Type")
		s.storeError(w, r, c.p, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

// Data-subject requests.

func (s *Server) createRequest(w http.ResponseWriter, r *http.Request, c *call) {
	q, ok := readJSON[rights.Request](w, r, c, s, "request")
	if !ok {
		return
	}
	q, err := c.t.rights.ReceiveRequest(r.Context(), c.t.ctrl.ID, q)
	s.created(w, r, c, "/v1/requests/", q.ID.String(), q.Version, q, err)
}

func (s *Server) listRequests(w http.ResponseWriter, r *http.Request, c *call) {
	qs, err := collect(c.t.rights.Requests(r.Context(), c.t.ctrl.ID, rights.Filter{}))
	s.reply(w, r, c, http.StatusOK, 0, items[rights.Request]{qs}, err)
}

func (s *Server) getRequest(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*rights.RequestID](w, r)
	if !ok {
		return
	}
	q, err := c.t.rights.Request(r.Context(), c.t.ctrl.ID, id)
	s.reply(w, r, c, http.StatusOK, q.Version, q, err)
}

func (s *Server) updateRequest(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*rights.RequestID](w, r)
	if !ok {
		return
	}
	v, ok := ifMatch(w, r)
	if !ok {
		return
	}
	q, ok := readJSON[rights.Request](w, r, c, s, "request")
	if !ok {
		return
	}
	q.ID, q.Version = id, v
	q, err := c.t.rights.UpdateRequest(r.Context(), c.t.ctrl.ID, q)
	s.updated(w, r, c, q.Version, q, err)
}

func (s *Server) assessRequest(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*rights.RequestID](w, r)
	if !ok {
		return
	}
	fs, err := c.t.rights.AssessRequest(r.Context(), c.t.ctrl.ID, id)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	writeJSON(w, http.StatusOK, 0, RequestAssessment{Request: id, Findings: renderFindings(c.p, fs)})
}

// RequestAssessment is the assessment of a data-subject request: its
// findings, rendered.
type RequestAssessment struct {
	Request  rights.RequestID `json:"request"`
	Findings []Finding        `json:"findings"`
}

// DPIAs.

func (s *Server) screen(w http.ResponseWriter, r *http.Request, c *call) {
	in, ok := readWith(w, r, c, s, dpia.DecodeInput)
	if !ok {
		return
	}
	if in.Jurisdiction == 0 {
		in.Jurisdiction = c.t.ctrl.Jurisdiction
	}
	sc, err := c.t.dpias.Screen(in)
	s.reply(w, r, c, http.StatusOK, 0, withFindings(c.p, sc), err)
}

func (s *Server) createDPIA(w http.ResponseWriter, r *http.Request, c *call) {
	a, ok := readJSON[dpia.Assessment](w, r, c, s, "assessment")
	if !ok {
		return
	}
	a, err := c.t.dpias.Create(r.Context(), c.t.ctrl.ID, a)
	s.created(w, r, c, "/v1/dpias/", a.ID.String(), a.Version, a, err)
}

func (s *Server) listDPIAs(w http.ResponseWriter, r *http.Request, c *call) {
	as, err := collect(c.t.dpias.List(r.Context(), c.t.ctrl.ID, dpia.Filter{}))
	s.reply(w, r, c, http.StatusOK, 0, items[dpia.Assessment]{as}, err)
}

func (s *Server) getDPIA(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*compliance.DPIAID](w, r)
	if !ok {
		return
	}
	a, err := c.t.dpias.Get(r.Context(), c.t.ctrl.ID, id)
	s.reply(w, r, c, http.StatusOK, a.Version, a, err)
}

func (s *Server) updateDPIA(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*compliance.DPIAID](w, r)
	if !ok {
		return
	}
	v, ok := ifMatch(w, r)
	if !ok {
		return
	}
	a, ok := readJSON[dpia.Assessment](w, r, c, s, "assessment")
	if !ok {
		return
	}
	a.ID, a.Version = id, v
	a, err := c.t.dpias.Update(r.Context(), c.t.ctrl.ID, a)
	s.updated(w, r, c, a.Version, a, err)
}

func (s *Server) dpiaReport(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*compliance.DPIAID](w, r)
	if !ok {
		return
	}
	rep, err := c.t.dpias.Check(r.Context(), c.t.ctrl.ID, id)
	s.reply(w, r, c, http.StatusOK, 0, withFindings(c.p, rep), err)
}

// Retention.

func (s *Server) createRule(w http.ResponseWriter, r *http.Request, c *call) {
	ru, ok := readJSON[retention.Rule](w, r, c, s, "rule")
	if !ok {
		return
	}
	ru, err := c.t.plan.Add(r.Context(), ru)
	s.created(w, r, c, "/v1/retention/rules/", ru.ID.String(), ru.Version, ru, err)
}

func (s *Server) listRules(w http.ResponseWriter, r *http.Request, c *call) {
	rs, err := collect(c.t.plan.Rules(r.Context(), retention.Filter{}))
	s.reply(w, r, c, http.StatusOK, 0, items[retention.Rule]{rs}, err)
}

func (s *Server) getRule(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*compliance.RetentionRuleID](w, r)
	if !ok {
		return
	}
	ru, err := c.t.plan.Get(r.Context(), id)
	s.reply(w, r, c, http.StatusOK, ru.Version, ru, err)
}

func (s *Server) updateRule(w http.ResponseWriter, r *http.Request, c *call) {
	id, ok := pathID[*compliance.RetentionRuleID](w, r)
	if !ok {
		return
	}
	v, ok := ifMatch(w, r)
	if !ok {
		return
	}
	ru, ok := readJSON[retention.Rule](w, r, c, s, "rule")
	if !ok {
		return
	}
	ru.ID, ru.Version = id, v
	ru, err := c.t.plan.Update(r.Context(), ru)
	s.updated(w, r, c, ru.Version, ru, err)
}

func (s *Server) decideRetention(w http.ResponseWriter, r *http.Request, c *call) {
	rec, ok := readJSON[retention.Record](w, r, c, s, "record")
	if !ok {
		return
	}
	if rec.Jurisdiction == 0 {
		rec.Jurisdiction = c.t.ctrl.Jurisdiction
	}
	d, err := c.t.plan.Decide(r.Context(), rec)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	writeJSON(w, http.StatusOK, 0, RetentionResult{d, renderFindings(c.p, d.Findings())})
}

// RetentionResult is a retention decision with its findings, rendered.
type RetentionResult struct {
	Decision retention.Decision `json:"decision"`
	Findings []Finding          `json:"findings"`
}

// Due is the DPO's list: everything due or overdue across the registers.
type Due struct {
	At         time.Time          `json:"at"`
	Breaches   []breach.Due       `json:"breaches"`
	Requests   []DueRequest       `json:"requests"`
	Processors processor.Overview `json:"processors"`
	DPIAs      []DueDPIA          `json:"dpias"`
	// SkippedBreaches are stored breaches the rules could not assess (an
	// instant the calendar cannot count, a malformed field), left out of
	// Breaches so that one bad record does not hide the duties of the
	// others; at most 100 IDs, SkippedMore counts the rest. The DPO opens
	// each to correct it.
	SkippedBreaches []breach.ID `json:"skippedBreaches,omitempty"`
	// SkippedMore counts the skipped breaches beyond SkippedBreaches.
	SkippedMore int `json:"skippedMore,omitempty"`
}

// DueRequest is a data-subject request awaiting an answer.
type DueRequest struct {
	Request  rights.RequestID `json:"request"`
	Kind     rights.Kind      `json:"kind"`
	Deadline time.Time        `json:"deadline"`
	Extended bool             `json:"extended"`
	Overdue  bool             `json:"overdue"`
	Text     string           `json:"text"`
}

// DueDPIA is a DPIA with a review or Datatilsynet's advice due.
type DueDPIA struct {
	DPIA       compliance.DPIAID `json:"dpia"`
	NextReview compliance.Date   `json:"nextReview,omitzero"`
	AdviceDue  compliance.Date   `json:"adviceDue,omitzero"`
	Triggers   []dpia.Trigger    `json:"triggers,omitempty"`
	Overdue    bool              `json:"overdue"`
}

func (s *Server) due(w http.ResponseWriter, r *http.Request, c *call) {
	now := s.cfg.Options.Clock()
	ctx := r.Context()
	out := Due{At: now, Breaches: []breach.Due{}, Requests: []DueRequest{}, DPIAs: []DueDPIA{}}
	bs, err := c.t.breaches.Due(ctx, c.t.ctrl.ID, now)
	if bad := onlyBadRecords(err); bad != nil {
		// One bad record never hides the rest: the duties of the others
		// are listed, the bad ones named.
		out.SkippedBreaches, out.SkippedMore, err = bad.IDs, bad.More, nil
		s.log.Warn("due: breaches skipped", "controller", c.t.ctrl.ID.String(), "skipped", len(bad.IDs)+bad.More)
	}
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	if bs != nil {
		out.Breaches = bs
	}
	rs, err := c.t.rights.Due(ctx, c.t.ctrl.ID, now)
	if err != nil {
		s.storeError(w, r, c.p, err)
		return
	}
	for _, d := range rs {
		out.Requests = append(out.Requests, DueRequest{Request: d.Request, Kind: d.Kind, Deadline: d.Deadline.End,
			Extended: d.Extended, Overdue: d.Overdue, Text: c.p.Message(d.Message())})
	}
	out.Processors = c.t.procs.Overview(now, compliance.Months(1))
	today := compliance.DateOf(now.In(c.t.cal.Location()))
	for a, err := range c.t.dpias.List(ctx, c.t.ctrl.ID, dpia.Filter{}) {
		if err != nil {
			s.storeError(w, r, c.p, err)
			return
		}
		rep, err := c.t.dpias.Check(ctx, c.t.ctrl.ID, a.ID)
		if err != nil {
			s.storeError(w, r, c.p, err)
			return
		}
		if rep.NextReview.IsZero() && rep.AdviceDue.IsZero() && len(rep.Triggers) == 0 {
			continue
		}
		od := (!rep.NextReview.IsZero() && rep.NextReview.Before(today)) || (!rep.AdviceDue.IsZero() && rep.AdviceDue.Before(today))
		out.DPIAs = append(out.DPIAs, DueDPIA{DPIA: a.ID, NextReview: rep.NextReview, AdviceDue: rep.AdviceDue, Triggers: rep.Triggers, Overdue: od})
		if len(out.DPIAs) == maxList {
			break
		}
	}
	writeJSON(w, http.StatusOK, 0, out)
}

// onlyBadRecords returns the BadRecordsError err consists of, or nil when
// err is nil or holds anything else (a store failure joined to it ends
// the list as an error).
func onlyBadRecords(err error) *breach.BadRecordsError {
	var bad *breach.BadRecordsError
	if !errors.As(err, &bad) {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if !errors.As(e, new(*breach.BadRecordsError)) {
				return nil
			}
		}
	} else if err != error(bad) {
		return nil
	}
	return bad
}
