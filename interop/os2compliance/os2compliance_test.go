package os2compliance_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/interop"
	"github.com/tillid/tillid/interop/kitos"
	"github.com/tillid/tillid/interop/os2compliance"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/processor/processortest"
)

var (
	ctrl = compliance.ControllerID{UUID: uuid.MustParse("00000000-0000-4000-8000-0000000000c3")}
	now  = time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC)
)

func source(t testing.TB) os2compliance.Source {
	sb, err := os.ReadFile("testdata/suppliers.json")
	require.NoError(t, err)
	ab, err := os.ReadFile("testdata/assets.json")
	require.NoError(t, err)
	ss, err := os2compliance.ParseSuppliers(sb)
	require.NoError(t, err)
	as, err := os2compliance.ParseAssets(ab)
	require.NoError(t, err)
	return os2compliance.Source{Suppliers: ss, Assets: as}
}

type env struct {
	store *processortest.MemStore
	reg   *processor.Registry
}

func newEnv(t testing.TB) env {
	s := processortest.NewMemStore()
	r, err := processor.NewRegistry(s, ctrl, &processor.Options{Options: compliance.Options{Now: func() time.Time { return now }},
		Policy: processor.Policy{Jurisdiction: compliance.DK}})
	require.NoError(t, err)
	return env{s, r}
}

func (e env) list(t testing.TB) []processor.Processor {
	ps, err := kitos.StoreLister(e.store, ctrl).List(context.Background())
	require.NoError(t, err)
	return ps
}

// drop returns src without the supplier that has no country.
func known(src os2compliance.Source) os2compliance.Source {
	src.Suppliers = slices.DeleteFunc(slices.Clone(src.Suppliers), func(s os2compliance.Supplier) bool { return s.ID == 13 })
	return src
}

func TestPlanMapsSuppliersAndAssets(t *testing.T) {
	e := newEnv(t)
	b, err := os2compliance.Plan(context.Background(), kitos.StoreLister(e.store, ctrl), ctrl, source(t), nil)
	require.NoError(t, err)
	r := b.Report()
	assert.True(t, r.Blocked(), "supplier 13 has neither country nor CVR number")
	assert.Equal(t, 2, r.Count(interop.Create))
	assert.Equal(t, 1, r.Count(interop.Skip))

	ps := b.Planned()
	require.Len(t, ps, 2)
	it := ps[0]
	assert.Equal(t, "Eksempel IT A/S", it.Name)
	assert.Equal(t, []processor.ExternalID{{Scheme: processor.OS2compliance, ID: "11"}}, it.ExternalIDs)
	assert.Equal(t, "41234563", it.CVR.String())
	assert.Equal(t, compliance.MustCountry("DK"), it.Country, `"Danmark" by its CLDR name`)
	require.Len(t, it.Agreements, 1, "only status YES with a date is a concluded agreement")
	assert.Equal(t, compliance.MakeDate(2023, time.March, 1), it.Agreements[0].Signed)
	assert.Equal(t, "SBSYS", it.Agreements[0].Reference)
	assert.Equal(t, compliance.Months(6), it.Supervision.Interval, "HALF_YEAR is the shortest of YEAR and HALF_YEAR")
	require.Len(t, it.SubProcessors, 2)
	assert.Equal(t, "Drift og hosting", it.SubProcessors[slices.IndexFunc(it.SubProcessors, func(s processor.SubProcessor) bool { return s.Name == "Eksempel Hosting ApS" })].Service)
	assert.Len(t, it.Contacts, 1)

	cloud := ps[1]
	assert.Equal(t, compliance.MustCountry("LU"), cloud.Country)
	assert.True(t, cloud.CVR.IsZero())

	has := func(code compliance.Code, id, field, value string) bool {
		return slices.ContainsFunc(r.Issues, func(i interop.Issue) bool {
			return i.Code == code && i.Source.ID == id && i.Source.Field == field && i.Value == value
		})
	}
	assert.True(t, has(os2compliance.CodeNotConcluded, "102", "dataProcessingAgreementStatus", "ON_GOING"))
	assert.True(t, has(os2compliance.CodeSupervision, "101", "supervisoryModel", "ISAE_3000"))
	assert.True(t, has(interop.CodeUnmapped, "103", "nextInspection", "DBS"))
	assert.True(t, has(os2compliance.CodeThirdCountry, "101", "subSupplierDetails[1].acceptanceBasis", "dp-supplier-accept-basis-usa"))
	assert.True(t, has(os2compliance.CodeSupplierMissing, "104", "supplier.id", ""))
	assert.True(t, has(os2compliance.CodeCountryUnknown, "13", "country", ""))

	_, err = b.Apply(context.Background(), e.reg)
	require.ErrorIs(t, err, interop.ErrBlocked)
	assert.Empty(t, e.list(t), "a blocked import writes nothing")
}

func TestReimportAndRoundTrip(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	b, err := os2compliance.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, known(source(t)), nil)
	require.NoError(t, err)
	_, err = b.Apply(ctx, e.reg)
	require.NoError(t, err)
	require.Len(t, e.list(t), 2)

	b2, err := os2compliance.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, known(source(t)), nil)
	require.NoError(t, err)
	assert.Equal(t, 2, b2.Report().Count(interop.Unchanged), "%+v", b2.Report().Changes)

	// Export in the API's shapes, through JSON, and import again.
	out := os2compliance.Export(ctrl, e.list(t))
	ids := []int64{out.Suppliers[0].ID, out.Suppliers[1].ID}
	slices.Sort(ids)
	assert.Equal(t, []int64{11, 12}, ids)
	require.Len(t, out.Assets, 2)
	assets := []int64{out.Assets[0].ID, out.Assets[1].ID}
	slices.Sort(assets)
	assert.Equal(t, []int64{101, 103}, assets, "the assets' IDs are recovered from the agreements'")
	sb, err := json.Marshal(out.Suppliers)
	require.NoError(t, err)
	ab, err := json.Marshal(out.Assets)
	require.NoError(t, err)
	ss, err := os2compliance.ParseSuppliers(sb)
	require.NoError(t, err)
	as, err := os2compliance.ParseAssets(ab)
	require.NoError(t, err)
	b3, err := os2compliance.Plan(ctx, kitos.StoreLister(e.store, ctrl), ctrl, os2compliance.Source{Suppliers: ss, Assets: as}, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, b3.Report().Count(interop.Unchanged), "%+v", b3.Report().Changes)
}

// fake serves suppliers and assets from the fixtures as OS2compliance's
// API v1 pages them, for one API key.
func fake(t *testing.T, src os2compliance.Source, limited *int) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("ApiKey") != "nøgle" {
			http.Error(w, "forbidden", http.StatusUnauthorized)
			return
		}
		if *limited > 0 {
			*limited--
			w.Header().Set("Retry-After", "2")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		p, _ := strconv.Atoi(r.URL.Query().Get("page"))
		size, _ := strconv.Atoi(r.URL.Query().Get("pageSize"))
		if size < 1 || size > 500 {
			http.Error(w, "bad page size", http.StatusBadRequest)
			return
		}
		var items []any
		switch r.URL.Path {
		case "/api/v1/suppliers":
			for _, s := range src.Suppliers {
				items = append(items, s)
			}
		case "/api/v1/assets":
			for _, a := range src.Assets {
				items = append(items, a)
			}
		default:
			http.NotFound(w, r)
			return
		}
		lo, hi := min(p*size, len(items)), min(p*size+size, len(items))
		pages := (len(items) + size - 1) / size
		_ = json.NewEncoder(w).Encode(map[string]any{"totalPages": pages, "page": p, "totalCount": len(items), "count": hi - lo, "content": items[lo:hi]})
	}))
}

func TestClientPagesWithTheAPIKey(t *testing.T) {
	limited := 1
	srv := fake(t, source(t), &limited)
	defer srv.Close()
	var waits []time.Duration
	c, err := os2compliance.NewClient(srv.URL, "nøgle", &os2compliance.Options{PageSize: 2,
		Sleep: func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }})
	require.NoError(t, err)
	src, err := os2compliance.Fetch(context.Background(), c)
	require.NoError(t, err)
	assert.Len(t, src.Suppliers, 3)
	assert.Len(t, src.Assets, 4)
	assert.Equal(t, []time.Duration{2 * time.Second}, waits, "Retry-After honoured")

	bad, err := os2compliance.NewClient(srv.URL, "forkert", nil)
	require.NoError(t, err)
	_, err = bad.Suppliers(context.Background())
	var se *os2compliance.StatusError
	require.ErrorAs(t, err, &se)
	assert.NotContains(t, err.Error(), "forkert")
	_, err = os2compliance.NewClient(srv.URL, "nøgle", &os2compliance.Options{PageSize: 501})
	assert.Error(t, err)
}

func TestMalformedInput(t *testing.T) {
	for name, in := range map[string]string{
		"not JSON":    `<html>`,
		"wrong type":  `[{"id": "elleve", "name": "x"}]`,
		"no id":       `[{"name": "x"}]`,
		"trailing":    `[] {}`,
		"not a list":  `42`,
		"empty input": ``,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := os2compliance.ParseSuppliers([]byte(in))
			require.ErrorIs(t, err, os2compliance.ErrMalformed)
			_, err = os2compliance.ParseAssets([]byte(in))
			require.Error(t, err)
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, n := range []string{"suppliers.json", "assets.json"} {
		b, err := os.ReadFile("testdata/" + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, parse := range []func([]byte) error{
			func(b []byte) error { _, err := os2compliance.ParseSuppliers(b); return err },
			func(b []byte) error { _, err := os2compliance.ParseAssets(b); return err },
		} {
			if err := parse(b); err != nil && !errors.Is(err, os2compliance.ErrMalformed) {
				t.Fatal(fmt.Sprint("error is not ErrMalformed: ", err))
			}
		}
	})
}
