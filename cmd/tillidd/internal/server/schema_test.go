package server

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tillid/tillid/breach"
	"github.com/tillid/tillid/cmd/tillidd/api"
	"github.com/tillid/tillid/compliance/record"
	"github.com/tillid/tillid/compliance/rights"
	"github.com/tillid/tillid/dpia"
	"github.com/tillid/tillid/processor"
	"github.com/tillid/tillid/retention"
)

var updateSchemas = flag.Bool("update", false, "rewrite the generated schemas of cmd/tillidd/api/openapi.json")

// openAPIFile is the document in the repository, relative to this package.
const openAPIFile = "../../api/openapi.json"

// schemaRoots are the register entities the API returns and accepts, and
// the other Go values it answers with or decodes, with the name of their
// component; the components of the types they use are generated with them.
var schemaRoots = []struct {
	t    reflect.Type
	name string
	list string // the component of a list of them, "" for none
}{
	{reflect.TypeFor[processor.Processor](), "Processor", "ProcessorList"},
	{reflect.TypeFor[processor.Agreement](), "", ""},
	{reflect.TypeFor[processor.Audit](), "", ""},
	{reflect.TypeFor[processor.SubProcessor](), "", ""},
	{reflect.TypeFor[breach.Breach](), "Breach", "BreachList"},
	{reflect.TypeFor[record.Activity](), "Activity", "ActivityList"},
	{reflect.TypeFor[rights.Request](), "DataSubjectRequest", "DataSubjectRequestList"},
	{reflect.TypeFor[dpia.Assessment](), "DPIA", "DPIAList"},
	{reflect.TypeFor[retention.Rule](), "RetentionRule", "RetentionRuleList"},
	{reflect.TypeFor[retention.Record](), "RetentionRecord", ""},
	// The other bodies and answers of the API that are Go values.
	{reflect.TypeFor[processor.Request](), "CheckRequest", ""},
	{reflect.TypeFor[processor.Overview](), "ProcessorOverview", ""},
	{reflect.TypeFor[breach.Assessment](), "BreachAssessment", ""},
	{reflect.TypeFor[breach.Statistics](), "BreachStatistics", ""},
	{reflect.TypeFor[record.Export](), "ActivityExport", ""},
	{reflect.TypeFor[ActivityAssessment](), "", ""},
	{reflect.TypeFor[RequestAssessment](), "", ""},
	{reflect.TypeFor[dpia.Input](), "DPIAScreeningInput", ""},
	{reflect.TypeFor[dpia.Screening](), "DPIAScreening", ""},
	{reflect.TypeFor[dpia.Report](), "DPIAReport", ""},
	{reflect.TypeFor[RetentionResult](), "", ""},
	{reflect.TypeFor[Due](), "Due", ""},
}

// generatedMark is the key that marks a generated component; its value is
// the Go type the component was generated from.
const generatedMark = "x-go-type"

// regenerate returns doc with its generated components replaced by the
// generator's: the components marked with generatedMark are removed, and
// the generated ones appended to components/schemas in order of name. The
// rest of the document is left as it is.
func regenerate(doc []byte) ([]byte, error) {
	v, err := decodeOrdered(doc)
	if err != nil {
		return nil, err
	}
	root := v.(jsonObject)
	cv, _ := root.get("components")
	comps := cv.(jsonObject)
	sv, _ := comps.get("schemas")
	var kept jsonObject
	taken := map[string]bool{}
	for _, m := range sv.(jsonObject) {
		if o, ok := m.Value.(jsonObject); ok {
			if _, gen := o.get(generatedMark); gen {
				continue
			}
		}
		kept = append(kept, m)
		taken[m.Key] = true
	}
	g := newSchemaGen()
	for _, r := range schemaRoots {
		g.add(r.t, r.name)
		if r.list != "" {
			g.readOnly(r.t, "version", "The record's version, also its ETag: set by the server, sent back in If-Match to update.")
			g.addList(r.t, r.list, maxList)
		}
	}
	gen, err := g.resolve(taken)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(gen))
	for n := range gen {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		kept = append(kept, jsonMember{n, gen[n]})
	}
	comps.set("schemas", kept)
	root.set("components", comps)
	// Once more through the ordered decoder, so that the generated
	// schemas are plain JSON values like the rest.
	b, err := marshalPlain(root)
	if err != nil {
		return nil, err
	}
	if v, err = decodeOrdered(b); err != nil {
		return nil, err
	}
	return encodeDocument(v)
}

// TestOpenAPISchemas checks that the generated components of openapi.json
// are those of the Go types; with -update it rewrites them.
func TestOpenAPISchemas(t *testing.T) {
	want, err := regenerate(api.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(want, api.OpenAPI) {
		return
	}
	if *updateSchemas {
		if err := os.WriteFile(openAPIFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s; run the tests again", openAPIFile)
		return
	}
	t.Errorf("the generated schemas of cmd/tillidd/api/openapi.json differ from the Go types (%s);\n"+
		"rewrite them with: cd cmd/tillidd && go test ./internal/server -run TestOpenAPISchemas -update",
		strings.Join(changedSchemas(api.OpenAPI, want), ", "))
}

// changedSchemas names the components of schemas that differ between the
// documents a and b.
func changedSchemas(a, b []byte) []string {
	schemas := func(doc []byte) map[string]string {
		out := map[string]string{}
		v, err := decodeOrdered(doc)
		if err != nil {
			return out
		}
		c, _ := v.(jsonObject).get("components")
		s, _ := c.(jsonObject).get("schemas")
		for _, m := range s.(jsonObject) {
			j, _ := marshalPlain(m.Value)
			out[m.Key] = string(j)
		}
		return out
	}
	sa, sb := schemas(a), schemas(b)
	var diff []string
	for n, x := range sa {
		if y, ok := sb[n]; !ok || x != y {
			diff = append(diff, n)
		}
	}
	for n := range sb {
		if _, ok := sa[n]; !ok {
			diff = append(diff, n)
		}
	}
	slices.Sort(diff)
	if len(diff) == 0 {
		diff = []string{"order or formatting"}
	}
	return diff
}
