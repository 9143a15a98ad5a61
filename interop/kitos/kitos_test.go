package kitos_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/kitos"
	"github.com/tillid/tillid/interop/kitos/kitostest"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

var (
	kommune  = uuid.MustParse("0d3e8f10-1a2b-4c3d-8e4f-500000000001")
	ctrl     = compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-4000-8000-0000000000c1")}
	now      = time.Date(2024, time.November, 1, 9, 0, 0, 0, time.UTC)
	itOrg    = "0d3e8f10-1a2b-4c3d-8e4f-500000000010"
	cloudOrg = "0d3e8f10-1a2b-4c3d-8e4f-500000000013"
)

// client returns a client of srv that never sleeps, recording the waits
// it was asked for.
func client(t *testing.T, srv *kitostest.Server, o kitos.Options) (*kitos.Client, *[]time.Duration) {
	t.Helper()
	var waits []time.Duration
	o.Sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	if o.Now == nil {
		o.Now = time.Now
	}
	c, err := kitos.NewClient(srv.URL, kitostest.Email, kitostest.Password, &o)
	require.NoError(t, err)
	return c, &waits
}

type env struct {
	store *processortest.MemStore
	reg   *processor.Registry
}

func newEnv(t testing.TB) env {
	s := processortest.NewMemStore()
	r, err := processor.NewRegistry(s, ctrl,
		&processor.Options{Options: compliance.Options{Now: func() time.Time { return now }}, Policy: processor.Policy{Jurisdiction: compliance.DK}})
	require.NoError(t, err)
	return env{s, r}
}

func (e env) count(t *testing.T) int {
	t.Helper()
	n := 0
	for _, err := range e.store.List(context.Background(), ctrl, processor.Filter{}) {
		require.NoError(t, err)
		n++
	}
	return n
}

// mapping is the default mapping plus the foreign provider's country.
func mapping() kitos.Mapping {
	m := kitos.DefaultMapping()
	m.Organizations = map[string]compliance.Country{cloudOrg: compliance.MustCountry("LU")}
	return m
}

func TestPagingFollowsKITOSBounds(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	c, _ := client(t, srv, kitos.Options{PageSize: 2})
	regs, err := c.Registrations(context.Background(), kitos.Query{Organization: kommune})
	require.NoError(t, err)
	assert.Len(t, regs, 3)
	var pages []string
	for _, r := range srv.Requests {
		if strings.HasPrefix(r, "GET api/v2/data-processing-registrations") {
			pages = append(pages, r)
		}
	}
	// 3 items in pages of 2: page 0 full, page 1 short, then stop.
	require.Len(t, pages, 2)
	assert.Contains(t, pages[0], "page=0")
	assert.Contains(t, pages[0], "pageSize=2")
	assert.Contains(t, pages[1], "page=1")
	assert.Contains(t, pages[0], "organizationUuid="+kommune.String())

	_, err = kitos.NewClient(srv.URL, "a", "b", &kitos.Options{PageSize: 251})
	assert.Error(t, err, "KITOS's BoundedPaginationQuery allows 1 to 250")
}

func TestChangedSinceAndDeltaFeed(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	c, _ := client(t, srv, kitos.Options{})
	since := time.Date(2024, time.September, 1, 0, 0, 0, 0, time.UTC)
	src, err := kitos.Fetch(context.Background(), c, kommune, since)
	require.NoError(t, err)
	// Two registrations were changed after 1 September 2024.
	assert.Len(t, src.Registrations, 2)
	assert.Len(t, src.SystemUsages, 2, "usages are read in full: a changed registration may link an unchanged usage")
	require.Len(t, src.Deleted, 1, "only deleted registrations are asked for")
	assert.Equal(t, "DataProcessingRegistration", src.Deleted[0].EntityType)
	assert.True(t, slices.ContainsFunc(srv.Requests, func(r string) bool {
		return strings.Contains(r, "changedSinceGtEq=2024-09-01T00%3A00%3A00Z")
	}))
	assert.True(t, slices.ContainsFunc(srv.Requests, func(r string) bool {
		return strings.Contains(r, "delta-feed/deleted-entities") && strings.Contains(r, "deletedSinceUTC=")
	}))
}

func TestExpiredTokenIsRenewed(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	c, _ := client(t, srv, kitos.Options{})
	ctx := context.Background()
	_, err := c.Registrations(ctx, kitos.Query{})
	require.NoError(t, err)
	require.Equal(t, 1, srv.Tokens)

	// The server forgets the token (expired on its side): 401, then one
	// new token and the request again.
	srv.ExpireTokens()
	regs, err := c.Registrations(ctx, kitos.Query{})
	require.NoError(t, err)
	assert.Len(t, regs, 3)
	assert.Equal(t, 2, srv.Tokens)

	// By the client's clock the token expires within a minute: renewed
	// before the request.
	srv.Lock()
	srv.TokenTTL = 30 * time.Second
	srv.Unlock()
	srv.ExpireTokens()
	_, err = c.Registrations(ctx, kitos.Query{})
	require.NoError(t, err)
	tokens := srv.Tokens
	_, err = c.Registrations(ctx, kitos.Query{})
	require.NoError(t, err)
	assert.Equal(t, tokens+1, srv.Tokens, "a token about to expire is renewed before use")
}

func TestWrongPasswordIsAClearErrorWithoutThePassword(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	c, err := kitos.NewClient(srv.URL, kitostest.Email, "forkert-kodeord", nil)
	require.NoError(t, err)
	_, err = c.Registrations(context.Background(), kitos.Query{})
	var se *kitos.StatusError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, http.StatusUnauthorized, se.Status)
	assert.NotContains(t, err.Error(), "forkert-kodeord")
}

func TestRateLimitHonoursRetryAfterWithBounds(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	srv.RateLimit, srv.RetryAfter = 2, "3"
	c, waits := client(t, srv, kitos.Options{})
	regs, err := c.Registrations(context.Background(), kitos.Query{})
	require.NoError(t, err)
	assert.Len(t, regs, 3)
	assert.Equal(t, []time.Duration{3 * time.Second, 3 * time.Second}, *waits, "Retry-After in seconds (RFC 9110 §10.2.3)")

	// More 429s than retries: an error, not an endless loop.
	srv.Lock()
	srv.RateLimit, srv.RetryAfter = 10, ""
	srv.Unlock()
	c2, waits2 := client(t, srv, kitos.Options{MaxRetries: 2})
	_, err = c2.Registrations(context.Background(), kitos.Query{})
	require.ErrorIs(t, err, kitos.ErrRateLimited)
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second}, *waits2, "without Retry-After: exponential back-off")

	// A Retry-After beyond MaxWait is refused, not slept.
	srv.Lock()
	srv.RateLimit, srv.RetryAfter = 1, "86400"
	srv.Unlock()
	c3, waits3 := client(t, srv, kitos.Options{MaxWait: time.Minute})
	_, err = c3.Organizations(context.Background(), "")
	require.ErrorIs(t, err, kitos.ErrRateLimited)
	assert.Empty(t, *waits3)
}

func TestMalformedAnswersFailAndWriteNothing(t *testing.T) {
	for name, body := range map[string]string{
		"not JSON":         `<html>Server Error</html>`,
		"not an array":     `{"uuid": "x"}`,
		"wrong type":       `[{"uuid": "7b1c2d3e-0000-4000-8000-000000000001", "general": {"dataProcessors": "KMD"}}]`,
		"missing uuid":     `[{"name": "x", "general": {}, "oversight": {}}]`,
		"bad timestamp":    `[{"uuid": "7b1c2d3e-0000-4000-8000-000000000001", "lastModified": "i går"}]`,
		"trailing garbage": `[] []`,
		"processor uuid":   `[{"uuid": "7b1c2d3e-0000-4000-8000-000000000001", "general": {"dataProcessors": [{"uuid": "KMD"}]}}]`,
	} {
		t.Run(name, func(t *testing.T) {
			srv := kitostest.NewServer(kitostest.Example())
			defer srv.Close()
			srv.Malformed = map[string]string{"api/v2/data-processing-registrations": body}
			c, _ := client(t, srv, kitos.Options{})
			e := newEnv(t)
			_, err := kitos.Fetch(context.Background(), c, kommune, time.Time{})
			require.ErrorIs(t, err, kitos.ErrMalformed)
			assert.Contains(t, err.Error(), "api/v2/data-processing-registrations")
			assert.NotContains(t, err.Error(), "Server Error", "the answer's content is not echoed")
			assert.NotContains(t, err.Error(), "KMD")
			assert.Zero(t, e.count(t), "nothing written")
		})
	}
}

func TestAnswerLargerThanTheLimitIsRefused(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	c, _ := client(t, srv, kitos.Options{MaxBody: 512})
	_, err := c.Registrations(context.Background(), kitos.Query{})
	require.ErrorIs(t, err, kitos.ErrMalformed)
	assert.Contains(t, err.Error(), "size limit")
}

func TestContextDeadlineStopsTheClient(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	srv.RateLimit, srv.RetryAfter = 5, "1"
	c, err := kitos.NewClient(srv.URL, kitostest.Email, kitostest.Password, nil)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = c.Registrations(ctx, kitos.Query{})
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func fetchExample(t testing.TB) kitos.Source {
	f := kitostest.Example()
	return kitos.Source{Registrations: f.Registrations, SystemUsages: f.SystemUsages}
}

func find(ps []processor.Processor, name string) *processor.Processor {
	for i := range ps {
		if ps[i].Name == name {
			return &ps[i]
		}
	}
	return nil
}

func TestPlanMapsRegistrations(t *testing.T) {
	e := newEnv(t)
	b, err := kitos.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), mapping())
	require.NoError(t, err)
	r := b.Report()
	assert.True(t, r.DryRun)
	assert.False(t, r.Blocked(), "%v", r.Issues)
	assert.Equal(t, 3, r.Count(interop.Create), "Eksempel IT, Eksempel Løn, Nordic Cloud")
	ps := b.Planned()
	require.Len(t, ps, 3)

	it := find(ps, "Eksempel IT A/S")
	require.NotNil(t, it)
	assert.Equal(t, "41234563", it.CVR.String())
	assert.Equal(t, compliance.MustCountry("DK"), it.Country, "a valid Danish CVR number means Denmark")
	require.Len(t, it.Agreements, 2, "one agreement per registration naming the processor")
	var esdh processor.Agreement
	for _, a := range it.Agreements {
		if a.Reference == "ESDH - Eksempel IT" {
			esdh = a
		}
	}
	assert.Equal(t, compliance.MakeDate(2023, time.March, 1), esdh.Signed, "agreementConcludedAt")
	assert.Equal(t, esdh.Signed, esdh.From)
	assert.Equal(t, processor.TemplateCustom, esdh.Template)
	assert.Equal(t, compliance.CategoriesOf(compliance.NationalID, compliance.SocialIssues, compliance.Contact), esdh.Data)
	assert.Equal(t, []string{"Sagsbehandling og journalisering"}, esdh.Purposes)
	assert.Equal(t, processor.TransfersNone, esdh.Transfers)

	// KITOS's "BiYearly" is half-yearly (Halvårligt = 0), the shortest of
	// the processor's registrations (the other is EveryOtherYear).
	assert.Equal(t, compliance.Months(6), it.Supervision.Interval)
	// Two oversight dates under "Skriftlig kontrol": questionnaires.
	require.Len(t, it.Audits, 2)
	for _, a := range it.Audits {
		assert.Equal(t, processor.Questionnaire, a.Type)
	}
	// Sub-processors with what KITOS knows.
	require.Len(t, it.SubProcessors, 2)
	hosting := it.SubProcessors[slices.IndexFunc(it.SubProcessors, func(s processor.SubProcessor) bool { return s.Name == "Eksempel Hosting ApS" })]
	assert.Equal(t, compliance.MustCountry("DK"), hosting.Country)

	løn := find(ps, "Eksempel Løn ApS")
	require.NotNil(t, løn)
	assert.Empty(t, løn.Agreements, "only an answer of Yes is a concluded agreement")

	cloud := find(ps, "Nordic Cloud S.à r.l.")
	require.NotNil(t, cloud)
	assert.Equal(t, compliance.MustCountry("LU"), cloud.Country, "from Mapping.Organizations")
	assert.True(t, cloud.CVR.IsZero(), "a foreign number is not stored as a CVR number")
	require.Len(t, cloud.Agreements, 1)
	assert.Equal(t, processor.TransfersListed, cloud.Agreements[0].Transfers)
	assert.Equal(t, []compliance.Country{compliance.MustCountry("GB")}, cloud.Agreements[0].TransferCountries)
	assert.Empty(t, cloud.Audits, "ISAE 3402 type 2 needs an opinion and a period KITOS does not hold")

	// Every value that could not be mapped is reported with its source.
	has := func(code compliance.Code, field, value string) bool {
		return slices.ContainsFunc(r.Issues, func(i interop.Issue) bool {
			return i.Code == code && i.Source.Field == field && i.Value == value
		})
	}
	assert.True(t, has(kitos.CodeNotConcluded, "general.isAgreementConcluded", "Undecided"))
	assert.True(t, has(interop.CodeUnmapped, "general.insecureCountriesSubjectToDataTransfer[1]", "Månen"))
	assert.True(t, has(interop.CodeUnmapped, "gdpr.registeredDataCategories[0]", "Navn og adresse"))
	assert.True(t, has(interop.CodeUnmapped, "general.basisForTransfer", "Andet"))
	assert.True(t, has(kitos.CodeForeignID, "cvr", "LU12345678"))
	assert.True(t, has(kitos.CodeAuditOpinion, "oversight.oversightOptions", "isae-3402-type-2"))
	assert.True(t, has(kitos.CodeLocation, "general.subDataProcessors[1].insecureThirdCountrySubjectToDataProcessing", "US"))
	assert.True(t, has(kitos.CodeSafeguard, "general.subDataProcessors[1].basisForTransfer", "EU's standard kontrakt /standard contract clauses"))
	assert.Zero(t, e.count(t), "a plan writes nothing")
}

func TestUnknownCountryBlocksTheImport(t *testing.T) {
	e := newEnv(t)
	b, err := kitos.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), kitos.DefaultMapping())
	require.NoError(t, err)
	r := b.Report()
	assert.True(t, r.Blocked())
	assert.Equal(t, 1, r.Count(interop.Skip))
	_, err = b.Apply(context.Background(), e.reg)
	require.ErrorIs(t, err, interop.ErrBlocked)
	assert.Zero(t, e.count(t), "a failed import writes nothing")
}

func TestReimportIsIdempotentAndKeepsTheKommunesEntries(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	b, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), mapping())
	require.NoError(t, err)
	r, err := b.Apply(ctx, e.reg)
	require.NoError(t, err)
	assert.Len(t, r.Written, 3)
	assert.False(t, r.DryRun)
	require.Equal(t, 3, e.count(t))

	// The kommune completes a record by hand.
	ps := b.Planned()
	it := find(ps, "Eksempel IT A/S")
	stored, err := e.reg.Get(ctx, it.ID)
	require.NoError(t, err)
	stored.Contacts = []processor.Contact{{Role: "DPO", Email: "dpo@eksempel-it.dk"}}
	stored.Locations = []processor.Location{{Country: compliance.MustCountry("DK"), Access: processor.Hosting}}
	_, err = e.reg.Put(ctx, stored)
	require.NoError(t, err)

	b2, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), mapping())
	require.NoError(t, err)
	assert.Equal(t, 3, b2.Report().Count(interop.Unchanged), "%+v", b2.Report().Changes)
	r2, err := b2.Apply(ctx, e.reg)
	require.NoError(t, err)
	assert.Empty(t, r2.Written)
	assert.Equal(t, 3, e.count(t))
	after, err := e.reg.Get(ctx, it.ID)
	require.NoError(t, err)
	assert.Len(t, after.Contacts, 1, "fields KITOS does not hold are kept")
	assert.Len(t, after.Locations, 1)
}

func TestDeletedRegistrationRemovesItsAgreement(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	src := fetchExample(t)
	b, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, src, mapping())
	require.NoError(t, err)
	_, err = b.Apply(ctx, e.reg)
	require.NoError(t, err)

	// The delta feed reports the ESDH registration deleted; the
	// incremental source names no registration.
	del := kitos.Source{Deleted: []kitos.Deletion{{EntityType: "DataProcessingRegistration",
		EntityUUID: "7b1c2d3e-0000-4000-8000-000000000001", OccurredAtUTC: kitos.NewTime(now)}}}
	b2, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, del, mapping())
	require.NoError(t, err)
	r := b2.Report()
	require.Equal(t, 1, r.Count(interop.Update), "%+v", r.Changes)
	assert.Equal(t, []string{"agreements"}, r.Changes[0].Fields)
	_, err = b2.Apply(ctx, e.reg)
	require.NoError(t, err)
	it, err := e.reg.Get(ctx, compliance.ProcessorID{UUID: interop.Derive(ctrl, kitos.System, "organization", itOrg)})
	require.NoError(t, err)
	require.Len(t, it.Agreements, 1)
	assert.Equal(t, "Borgerportal - Eksempel IT og Nordic Cloud", it.Agreements[0].Reference)
}

// failing fails every Put after n.
type failing struct {
	interop.Registry
	n int
}

func (f *failing) Put(ctx context.Context, p processor.Processor) (processor.Processor, error) {
	if f.n == 0 {
		return processor.Processor{}, errors.New("disk full")
	}
	f.n--
	return f.Registry.Put(ctx, p)
}

func TestStoreFailureMidWriteSaysWhatWasWritten(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	b, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), mapping())
	require.NoError(t, err)
	r, err := b.Apply(ctx, &failing{Registry: e.reg, n: 1})
	require.Error(t, err)
	assert.Len(t, r.Written, 1)
	assert.NotEmpty(t, r.Failed)
	assert.Equal(t, 1, e.count(t), "exactly what the report says was written")

	// Running the import again completes it.
	b2, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), mapping())
	require.NoError(t, err)
	assert.Equal(t, 1, b2.Report().Count(interop.Unchanged))
	assert.Equal(t, 2, b2.Report().Count(interop.Create))
	_, err = b2.Apply(ctx, e.reg)
	require.NoError(t, err)
	assert.Equal(t, 3, e.count(t))
}

func TestIntervalBiYearlyIsHalfYearly(t *testing.T) {
	// os2kitos/kitos: OversightIntervalChoice.BiYearly = 0 is
	// YearMonthIntervalOption.Halvårligt = 0.
	for choice, want := range map[string]compliance.Period{
		"BiYearly": compliance.Months(6), "Yearly": compliance.Years(1), "EveryOtherYear": compliance.Years(2),
	} {
		got, ok := kitos.Interval(choice)
		assert.True(t, ok, choice)
		assert.Equal(t, want, got, choice)
	}
	for _, choice := range []string{"Other", "Undecided", "", "Halvårligt"} {
		_, ok := kitos.Interval(choice)
		assert.False(t, ok, choice)
	}
}

func TestParseMapping(t *testing.T) {
	m, err := kitos.ParseMapping([]byte(`{"auditTypes": {"Egen kontrol": "inspection"},
		"categories": {"Navn og adresse": "identity"}, "countries": {"Månen": "US"},
		"organizations": {"` + cloudOrg + `": "LU"}, "transferAccess": "hosting"}`))
	require.NoError(t, err)
	assert.Equal(t, processor.Inspection, m.AuditTypes["Egen kontrol"])
	assert.Equal(t, processor.Questionnaire, m.AuditTypes["Skriftlig kontrol"], "defaults kept")
	assert.Equal(t, processor.Hosting, m.TransferAccess)
	for _, bad := range []string{`{"auditTypes": {"x": "isae-9999"}}`, `{"unknown": 1}`, `{"bases": {"x": "magic"}}`, `{"organizations": {"not-a-uuid": "DK"}}`, `[]`, `{} x`} {
		_, err := kitos.ParseMapping([]byte(bad))
		assert.Error(t, err, bad)
	}
}

func TestImportAdoptsAProcessorRegisteredByHandByItsCVR(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	cvr, err := ident.ParseCVR("41234563")
	require.NoError(t, err)
	own, err := e.reg.Put(ctx, processor.Processor{Name: "Eksempel IT", CVR: cvr, Country: compliance.MustCountry("DK"), Service: "ESDH"})
	require.NoError(t, err)

	b, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), mapping())
	require.NoError(t, err)
	assert.Equal(t, 1, b.Report().Count(interop.Update), "the hand-made record is completed, not duplicated")
	_, err = b.Apply(ctx, e.reg)
	require.NoError(t, err)
	assert.Equal(t, 3, e.count(t))
	got, err := e.reg.Get(ctx, own.ID)
	require.NoError(t, err)
	assert.Equal(t, []processor.ExternalID{{Scheme: processor.KITOS, ID: itOrg}}, got.ExternalIDs)
	assert.Equal(t, "ESDH", got.Service, "the kommune's own fields are kept")
	assert.Len(t, got.Agreements, 2)

	// The registry finds it by its KITOS identity.
	_, err = e.reg.Load(ctx)
	require.NoError(t, err)
	id, ok := e.reg.Lookup(processor.KeyExternal(processor.ExternalID{Scheme: processor.KITOS, ID: itOrg}))
	assert.True(t, ok)
	assert.Equal(t, own.ID, id)
}

// The registry exported in KITOS's shapes and imported again is
// unchanged: a kommune can move its processors in both directions.
func TestExportRoundTrip(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	b, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, fetchExample(t), mapping())
	require.NoError(t, err)
	_, err = b.Apply(ctx, e.reg)
	require.NoError(t, err)
	ps, err := kitos.StoreLister(e.store, ctrl).List(ctx)
	require.NoError(t, err)

	out := kitos.Export(ctrl, ps, mapping())
	assert.Len(t, out.Registrations, 3, "one registration per agreement")
	// Through JSON and the decoders, as a file or an answer would go.
	rb, err := json.Marshal(out.Registrations)
	require.NoError(t, err)
	regs, err := kitos.ParseRegistrations(rb)
	require.NoError(t, err)
	ub, err := json.Marshal(out.SystemUsages)
	require.NoError(t, err)
	usages, err := kitos.ParseSystemUsages(ub)
	require.NoError(t, err)

	b2, err := kitos.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, kitos.Source{Registrations: regs, SystemUsages: usages}, mapping())
	require.NoError(t, err)
	r := b2.Report()
	// Eksempel Løn has no agreement, so no registration names it: two
	// processors are in the export, both unchanged.
	assert.Equal(t, 2, r.Count(interop.Unchanged), "%+v", r.Changes)
	assert.Zero(t, r.Count(interop.Update)+r.Count(interop.Create), "%+v", r.Changes)
}

// The client is safe for concurrent use: goroutines share one token and
// renew it once when the server expires it (bounded: 4 × 10 calls).
func TestClientConcurrentUse(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	c, err := kitos.NewClient(srv.URL, kitostest.Email, kitostest.Password, &kitos.Options{PageSize: 2})
	require.NoError(t, err)
	errs := make(chan error, 40)
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 10 {
				if g == 0 && i == 5 {
					srv.ExpireTokens()
				}
				regs, err := c.Registrations(context.Background(), kitos.Query{})
				if err == nil && len(regs) != 3 {
					err = errors.New("wrong count")
				}
				errs <- err
			}
		}()
	}
	for range 4 {
		<-done
	}
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 2, srv.Tokens, "one token, renewed once when the server expired it")
}

func TestKommuneByCVR(t *testing.T) {
	srv := kitostest.NewServer(kitostest.Example())
	defer srv.Close()
	c, _ := client(t, srv, kitos.Options{})
	u, err := c.Kommune(context.Background(), "29189919")
	require.NoError(t, err)
	assert.Equal(t, kommune, u)
	_, err = c.Kommune(context.Background(), "41234563")
	assert.ErrorIs(t, err, kitos.ErrNoKommune, "a company is not a kommune")
	assert.True(t, slices.ContainsFunc(srv.Requests, func(r string) bool { return strings.Contains(r, "api/v2/organizations?cvrContent=29189919") }))
}

func TestIdentityOfProcessors(t *testing.T) {
	org := "0d3e8f10-1a2b-4c3d-8e4f-5000000000aa"
	reg := func(cvr string) kitos.Source {
		return kitos.Source{Registrations: []kitos.Registration{{UUID: "7b1c2d3e-0000-4000-8000-0000000000aa", Name: "R",
			General: kitos.General{IsAgreementConcluded: "No", DataProcessors: []kitos.Organization{{UUID: org, Name: "Org", CVR: cvr}}}}}}
	}
	for _, tt := range []struct {
		name, cvr string
		mapped    string
		country   string
		cvrKept   bool
		orgnr     bool
		foreign   bool
	}{
		{"valid Danish CVR: Denmark", "41234563", "", "DK", true, false, false},
		{"Norwegian organisasjonsnummer with the mapping's NO", "974760673", "NO", "NO", false, true, false},
		{"valid CVR of an organisation the mapping places in Sweden", "41234563", "SE", "SE", false, false, false},
		{"a VAT number with the mapping's LU", "LU12345678", "LU", "LU", false, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			m := kitos.DefaultMapping()
			if tt.mapped != "" {
				m.Organizations = map[string]compliance.Country{org: compliance.MustCountry(tt.mapped)}
			}
			b, err := kitos.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, reg(tt.cvr), m)
			require.NoError(t, err)
			require.Len(t, b.Planned(), 1, "%+v", b.Report().Issues)
			p := b.Planned()[0]
			assert.Equal(t, tt.country, p.Country.String())
			assert.Equal(t, tt.cvrKept, !p.CVR.IsZero())
			assert.Equal(t, tt.orgnr, !p.OrgNr.IsZero())
			assert.Equal(t, tt.foreign, slices.ContainsFunc(b.Report().Issues, func(i interop.Issue) bool { return i.Code == kitos.CodeForeignID }))
		})
	}
}
