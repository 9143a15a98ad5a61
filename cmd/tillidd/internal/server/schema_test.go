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
	id   string // how the server sets the id of a new one, "" when the client does
}{
	{reflect.TypeFor[processor.Processor](), "Processor", "ProcessorList", idKept},
	{reflect.TypeFor[processor.Agreement](), "", "", idKept},
	{reflect.TypeFor[processor.Audit](), "", "", idKept},
	{reflect.TypeFor[processor.SubProcessor](), "", "", idKept},
	{reflect.TypeFor[breach.Breach](), "Breach", "BreachList", idReplaced},
	{reflect.TypeFor[record.Activity](), "Activity", "ActivityList", idKept},
	{reflect.TypeFor[rights.Request](), "DataSubjectRequest", "DataSubjectRequestList", idKept},
	{reflect.TypeFor[dpia.Assessment](), "DPIA", "DPIAList", idRefused},
	{reflect.TypeFor[retention.Rule](), "RetentionRule", "RetentionRuleList", idReplaced},
	{reflect.TypeFor[retention.Record](), "RetentionRecord", "", ""},
	// The other bodies and answers of the API that are Go values.
	{reflect.TypeFor[processor.Request](), "CheckRequest", "", ""},
	{reflect.TypeFor[processor.Overview](), "ProcessorOverview", "", ""},
	{reflect.TypeFor[breach.Assessment](), "BreachAssessment", "", ""},
	{reflect.TypeFor[breach.Statistics](), "BreachStatistics", "", ""},
	{reflect.TypeFor[record.Export](), "ActivityExport", "", ""},
	{reflect.TypeFor[ActivityAssessment](), "", "", ""},
	{reflect.TypeFor[RequestAssessment](), "", "", ""},
	{reflect.TypeFor[dpia.Input](), "DPIAScreeningInput", "", ""},
	{reflect.TypeFor[dpia.Screening](), "DPIAScreening", "", ""},
	{reflect.TypeFor[dpia.Report](), "DPIAReport", "", ""},
	{reflect.TypeFor[RetentionResult](), "", "", ""},
	{reflect.TypeFor[Due](), "Due", "", ""},
}

// The descriptions of a record's id, which is readOnly: required in
// answers only. OpenAPI 3.0 says a readOnly property SHOULD NOT be sent;
// the server tolerates it, as they say.
const (
	idKept     = "The record's ID, set by the server when a new record comes without one; a client may choose it on create. On update the path's ID wins."
	idReplaced = "The record's ID, set by the server: one sent on create is replaced. On update the path's ID wins."
	idRefused  = "The record's ID, set by the server: a create that sends one is refused. On update the path's ID wins."
)

// serverSet are the other properties the server sets, readOnly too.
var serverSet = []struct {
	t           reflect.Type
	prop        string
	description string
}{
	{reflect.TypeFor[breach.Breach](), "registered", "When the incident was registered: set by the server on create; an update must send it back unchanged."},
	{reflect.TypeFor[dpia.Assessment](), "created", "Set by the server on create, kept on update."},
	{reflect.TypeFor[dpia.Assessment](), "updated", "Set by the server on create and update."},
}

// defaults are the required properties a new record may leave out, with
// the value the server then gives them.
var defaults = []struct {
	t     reflect.Type
	prop  string
	value string
}{
	{reflect.TypeFor[record.Activity](), "status", "draft"},
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
		if r.id != "" {
			g.readOnly(r.t, "id", r.id)
		}
		if r.list != "" {
			g.readOnly(r.t, "version", "The record's version, also its ETag: set by the server, sent back in If-Match to update (a version in the body of an update is ignored).")
			g.addList(r.t, r.list, maxList)
		}
	}
	for _, p := range serverSet {
		g.readOnly(p.t, p.prop, p.description)
	}
	for _, d := range defaults {
		g.defaulted(d.t, d.prop, d.value)
	}
	// A check asks about the zero ID, which marshals as "", when no
	// processor has the number it named.
	g.replace(reflect.TypeFor[processor.Request](), "processor", jsonSchema{Type: "string",
		Pattern:     "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$",
		Description: "The processor's ID; empty when the check named it by a number no processor has."})
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
