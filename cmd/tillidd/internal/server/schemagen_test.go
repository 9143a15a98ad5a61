package server

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/compliance/ident"
	"github.com/tillid/tillid/compliance/rights"
)

// The schema generator: OpenAPI 3.0 schemas derived by reflection from the
// Go types the server marshals and decodes, so that the contract's
// register schemas cannot drift from the code. TestOpenAPISchemas compares
// its output with cmd/tillidd/api/openapi.json.
//
// The rules follow encoding/json:
//   - a struct is an object with a property per exported field, named by
//     its json tag; a field without omitempty or omitzero is required;
//     additionalProperties stays unset (open), so that a client generated
//     today accepts a property added later;
//   - a named struct becomes components/schemas/<Name> and is referred to
//     with $ref; so does a typed enum;
//   - a slice is an array, nullable unless omitempty (a nil slice marshals
//     as null); a map is an object with additionalProperties;
//   - a pointer is nullable;
//   - a type with its own MarshalJSON or MarshalText needs a rule: a typed
//     enum of the enum package (values 1..n, Valid, MarshalText) becomes a
//     string with its codes, a set of such an enum with an All iterator an
//     array of them, and the rest is in schemaOverrides;
//   - a finding, the library's compliance.Finding or the server's Finding,
//     is the hand-written Finding: the server writes findings only
//     rendered (renderFindings, and withFindings for every "findings"
//     array of a library value), so a compliance.Finding must be the
//     element of a field named findings.

// jsonSchema is the subset of an OpenAPI 3.0 schema object the generator
// writes. Its field order is the order of the keys in the document.
type jsonSchema struct {
	Ref                  string       `json:"$ref,omitempty"`
	AllOf                []jsonSchema `json:"allOf,omitempty"`
	Type                 string       `json:"type,omitempty"`
	Format               string       `json:"format,omitempty"`
	Description          string       `json:"description,omitempty"`
	Nullable             bool         `json:"nullable,omitempty"`
	ReadOnly             bool         `json:"readOnly,omitempty"`
	Enum                 []string     `json:"enum,omitempty"`
	Default              string       `json:"default,omitempty"`
	Pattern              string       `json:"pattern,omitempty"`
	Minimum              *int         `json:"minimum,omitempty"`
	MaxItems             *int         `json:"maxItems,omitempty"`
	Required             []string     `json:"required,omitempty"`
	Properties           jsonObject   `json:"properties,omitempty"`
	Items                *jsonSchema  `json:"items,omitempty"`
	AdditionalProperties *jsonSchema  `json:"additionalProperties,omitempty"`
	GoType               string       `json:"x-go-type,omitempty"`

	ref reflect.Type // the named type Ref will point at
}

// schemaOverrides are the types that marshal themselves other than their
// Go structure suggests, with the schema of their JSON form.
var schemaOverrides = map[reflect.Type]jsonSchema{
	reflect.TypeFor[time.Time]():       {Type: "string", Format: "date-time"},
	reflect.TypeFor[decimal.Decimal](): {Type: "string", Format: "decimal", Description: "A decimal number, as a string to keep its precision."},
	reflect.TypeFor[compliance.Date](): {Type: "string", Format: "date"},
	reflect.TypeFor[compliance.Period](): {Type: "string", Format: "duration",
		Description: "An ISO 8601 duration such as P3Y, P6M or PT72H."},
	reflect.TypeFor[compliance.Ref](): {Type: "string",
		Description: "A legal reference in canonical form, such as GDPR Art 33(1)."},
	reflect.TypeFor[compliance.Refs](): {Type: "array", Nullable: true, Items: &jsonSchema{Type: "string"},
		Description: "Legal references in canonical form."},
	reflect.TypeFor[compliance.Country](): {Type: "string", Pattern: "^[A-Z]{2}$",
		Description: "An ISO 3166-1 alpha-2 country code."},
	reflect.TypeFor[ident.CVR]():   {Type: "string", Pattern: "^[0-9]{8}$", Description: "A Danish CVR number."},
	reflect.TypeFor[ident.OrgNr](): {Type: "string", Pattern: "^[0-9]{9}$", Description: "A Norwegian organisasjonsnummer."},
	reflect.TypeFor[ident.National](): {Type: "string",
		Description: "A national identity number in storage form: dk:DDMMYYSSSS (CPR) or no:DDMMYYIIIKK (fødselsnummer)."},
}

// findingRef is the hand-written schema of a rendered finding.
const findingRef = "#/components/schemas/Finding"

var (
	libFinding = reflect.TypeFor[compliance.Finding]()
	apiFinding = reflect.TypeFor[Finding]()
)

// schemaAsStruct are the types with a MarshalJSON that writes their Go
// structure after all (a storage form of a field that redacts itself).
var schemaAsStruct = map[reflect.Type]bool{
	reflect.TypeFor[rights.Subject](): true,
}

// schemaGen generates the schemas of a set of types and of the named types
// they use.
type schemaGen struct {
	named map[reflect.Type]*jsonSchema // the components
	order []reflect.Type               // in order of discovery
	names map[reflect.Type]string      // names chosen by the caller
	err   []string
}

func newSchemaGen() *schemaGen {
	return &schemaGen{named: map[reflect.Type]*jsonSchema{}, names: map[reflect.Type]string{}}
}

// add generates the component of t, named name ("" for the default name).
func (g *schemaGen) add(t reflect.Type, name string) {
	if name != "" {
		g.names[t] = name
	}
	g.schema(t)
}

// addList adds a component name: an object whose items are at most max
// values of elem, as items[T] marshals.
func (g *schemaGen) addList(elem reflect.Type, name string, max int) {
	s := jsonSchema{Type: "object", Required: []string{"items"},
		Properties:  jsonObject{{"items", jsonSchema{Type: "array", MaxItems: &max, Items: ptr(g.schema(elem))}}},
		Description: "A list of at most " + fmt.Sprint(max) + " records."}
	t := reflect.StructOf([]reflect.StructField{{Name: "Items", Type: reflect.SliceOf(elem), Tag: `json:"items"`}})
	s.GoType = "items"
	g.names[t] = name
	g.named[t] = &s
	g.order = append(g.order, t)
}

// readOnly marks the property prop of the component of t as set by the
// server (OpenAPI's readOnly: required in responses only), with a
// description.
func (g *schemaGen) readOnly(t reflect.Type, prop, description string) {
	s, ok := g.named[t]
	if !ok {
		g.err = append(g.err, fmt.Sprintf("%s: no component", t))
		return
	}
	v, ok := s.Properties.get(prop)
	if !ok {
		g.err = append(g.err, fmt.Sprintf("%s: no property %s", t, prop))
		return
	}
	p := v.(jsonSchema)
	p.ReadOnly, p.Description = true, description
	s.Properties.set(prop, p)
}

// defaulted makes the property prop of the component of t optional, with
// the value the server gives it when a new record comes without it.
func (g *schemaGen) defaulted(t reflect.Type, prop, value string) {
	s, ok := g.named[t]
	if !ok {
		g.err = append(g.err, fmt.Sprintf("%s: no component", t))
		return
	}
	v, ok := s.Properties.get(prop)
	if !ok || !slices.Contains(s.Required, prop) {
		g.err = append(g.err, fmt.Sprintf("%s: no required property %s", t, prop))
		return
	}
	p := v.(jsonSchema)
	if p.Ref != "" || p.ref != nil {
		p = jsonSchema{AllOf: []jsonSchema{p}}
	}
	p.Default = value
	s.Properties.set(prop, p)
	s.Required = slices.DeleteFunc(slices.Clone(s.Required), func(r string) bool { return r == prop })
}

// replace sets the schema of the property prop of the component of t, for
// a value the Go type does not tell: an ID that may be the zero ID.
func (g *schemaGen) replace(t reflect.Type, prop string, p jsonSchema) {
	s, ok := g.named[t]
	if !ok {
		g.err = append(g.err, fmt.Sprintf("%s: no component", t))
		return
	}
	if _, ok := s.Properties.get(prop); !ok {
		g.err = append(g.err, fmt.Sprintf("%s: no property %s", t, prop))
		return
	}
	s.Properties.set(prop, p)
}

func ptr[T any](v T) *T { return &v }

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || reflect.PointerTo(t).Implements(iface)
}

// schema returns the schema of t, a $ref for a named struct or enum.
func (g *schemaGen) schema(t reflect.Type) jsonSchema {
	if t.Kind() == reflect.Pointer {
		s := g.schema(t.Elem())
		if s.Ref != "" {
			return jsonSchema{AllOf: []jsonSchema{s}, Nullable: true}
		}
		s.Nullable = true
		return s
	}
	if s, ok := schemaOverrides[t]; ok {
		return s
	}
	if t == libFinding || t == apiFinding {
		return jsonSchema{Ref: findingRef}
	}
	if isComplianceID(t) {
		return jsonSchema{Type: "string", Format: "uuid"}
	}
	if codes, ok := enumCodes(t); ok {
		return g.component(t, func() jsonSchema {
			return jsonSchema{Type: "string", Enum: codes}
		})
	}
	if e, ok := setElem(t); ok {
		return jsonSchema{Type: "array", Items: ptr(g.schema(e))}
	}
	if !schemaAsStruct[t] && (implements(t, jsonMarshaler) || implements(t, textMarshaler)) {
		g.err = append(g.err, fmt.Sprintf("%s marshals itself: add it to schemaOverrides", t))
		return jsonSchema{}
	}
	switch t.Kind() {
	case reflect.Struct:
		if t.Name() == "" {
			return g.object(t)
		}
		return g.component(t, func() jsonSchema { return g.object(t) })
	case reflect.Slice, reflect.Array:
		if e := t.Elem(); t.Kind() == reflect.Slice && e.Kind() == reflect.Uint8 && !implements(e, jsonMarshaler) && !implements(e, textMarshaler) {
			return jsonSchema{Type: "string", Format: "byte"} // as encoding/json writes []byte
		}
		return jsonSchema{Type: "array", Items: ptr(g.schema(t.Elem()))}
	case reflect.Map:
		return jsonSchema{Type: "object", AdditionalProperties: ptr(g.schema(t.Elem()))}
	case reflect.String:
		return jsonSchema{Type: "string"}
	case reflect.Bool:
		return jsonSchema{Type: "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32:
		return jsonSchema{Type: "integer", Format: "int32"}
	case reflect.Int64:
		return jsonSchema{Type: "integer", Format: "int64"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32:
		return jsonSchema{Type: "integer", Format: "int32", Minimum: ptr(0)}
	case reflect.Uint64:
		return jsonSchema{Type: "integer", Format: "int64", Minimum: ptr(0)}
	case reflect.Float32:
		return jsonSchema{Type: "number", Format: "float"}
	case reflect.Float64:
		return jsonSchema{Type: "number", Format: "double"}
	}
	g.err = append(g.err, fmt.Sprintf("%s: no schema for kind %s", t, t.Kind()))
	return jsonSchema{}
}

// component generates the named schema of t once and returns a $ref to it.
func (g *schemaGen) component(t reflect.Type, gen func() jsonSchema) jsonSchema {
	if _, ok := g.named[t]; !ok {
		s := &jsonSchema{}
		g.named[t] = s // before gen, for recursive types
		g.order = append(g.order, t)
		*s = gen()
		s.GoType = goTypeName(t)
	}
	return jsonSchema{ref: t}
}

// object is the schema of the struct t: its fields as encoding/json
// marshals them, embedded structs' fields inlined.
func (g *schemaGen) object(t reflect.Type) jsonSchema {
	s := jsonSchema{Type: "object", Properties: jsonObject{}}
	g.fields(t, &s)
	if len(s.Properties) == 0 {
		s.Properties = nil
	}
	return s
}

func (g *schemaGen) fields(t reflect.Type, s *jsonSchema) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && !implements(ft, jsonMarshaler) && !implements(ft, textMarshaler) {
				g.fields(ft, s)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := false
		asString := false
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty", "omitzero":
				omit = true
			case "string":
				asString = true
			}
		}
		if f.Type.Kind() == reflect.Slice && f.Type.Elem() == libFinding && name != "findings" {
			g.err = append(g.err, fmt.Sprintf("%s.%s: withFindings renders only the findings of a field named findings", t, f.Name))
		}
		p := g.schema(f.Type)
		switch {
		case asString:
			p = jsonSchema{Type: "string"}
		case !omit && (f.Type.Kind() == reflect.Slice || f.Type.Kind() == reflect.Map) && p.Ref == "" && p.ref == nil:
			p.Nullable = true // a nil slice or map marshals as null
		}
		if !omit {
			s.Required = append(s.Required, name)
		}
		if _, dup := s.Properties.get(name); dup {
			g.err = append(g.err, fmt.Sprintf("%s: two fields marshal as %q", t, name))
		}
		s.Properties = append(s.Properties, jsonMember{name, p})
	}
}

// isComplianceID reports whether t is a compliance.ID[T]: a UUID that
// marshals as its string form.
func isComplianceID(t reflect.Type) bool {
	return t.PkgPath() == "github.com/tillid/tillid/compliance" && strings.HasPrefix(t.Name(), "ID[")
}

// enumCodes returns the codes of t when t is a typed enum of the library's
// enum package: a uint8 type whose valid values are 1..n (as the enum
// package documents), with Valid and MarshalText.
func enumCodes(t reflect.Type) ([]string, bool) {
	if t.Kind() != reflect.Uint8 || !t.Implements(textMarshaler) || implements(t, jsonMarshaler) {
		return nil, false
	}
	valid, ok := t.MethodByName("Valid")
	if !ok || valid.Type.NumIn() != 1 || valid.Type.NumOut() != 1 || valid.Type.Out(0).Kind() != reflect.Bool {
		return nil, false
	}
	var codes []string
	for i := 1; i < 256; i++ {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		if !v.MethodByName("Valid").Call(nil)[0].Bool() {
			break
		}
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil || len(b) == 0 {
			return nil, false
		}
		codes = append(codes, string(b))
	}
	return codes, len(codes) > 0
}

// setElem returns E when t is a set of enum values that marshals itself as
// a JSON array of their codes and has an All method returning iter.Seq[E].
func setElem(t reflect.Type) (reflect.Type, bool) {
	if !implements(t, jsonMarshaler) {
		return nil, false
	}
	all, ok := t.MethodByName("All")
	if !ok || all.Type.NumIn() != 1 || all.Type.NumOut() != 1 {
		return nil, false
	}
	seq := all.Type.Out(0) // func(yield func(E) bool)
	if seq.Kind() != reflect.Func || seq.NumIn() != 1 || seq.In(0).Kind() != reflect.Func || seq.In(0).NumIn() != 1 {
		return nil, false
	}
	e := seq.In(0).In(0)
	if _, ok := enumCodes(e); !ok {
		return nil, false
	}
	return e, true
}

// genericNames are type names too vague for a component of their own:
// they always have their package's name in front.
var genericNames = map[string]bool{"Record": true, "Items": true, "Kind": true, "Status": true}

// packageTitle is the name of t's package as a prefix of a component name.
func packageTitle(t reflect.Type) string {
	pkg := t.PkgPath()
	pkg = pkg[strings.LastIndexByte(pkg, '/')+1:]
	if pkg == "dpia" {
		return "DPIA"
	}
	p := []rune(pkg)
	p[0] = unicode.ToUpper(p[0])
	return string(p)
}

// goTypeName is pkg.Name of t, without type arguments' paths.
func goTypeName(t reflect.Type) string {
	s := t.String()
	if i := strings.IndexByte(s, '['); i >= 0 {
		s = s[:i]
	}
	return s
}

// resolve names the components: the caller's name, else the Go type's
// name, else, when two types (or a hand-written component, in taken) share
// it, the name with the package's name in front (processor.Contact →
// ProcessorContact). It returns the components by name and sets every
// $ref.
func (g *schemaGen) resolve(taken map[string]bool) (map[string]jsonSchema, error) {
	base := map[reflect.Type]string{}
	count := map[string]int{}
	for _, t := range g.order {
		n, ok := g.names[t]
		if !ok {
			n = goTypeName(t)
			n = n[strings.LastIndexByte(n, '.')+1:]
		}
		base[t] = n
		count[n]++
	}
	final := map[reflect.Type]string{}
	byName := map[string]reflect.Type{}
	for _, t := range g.order {
		n := base[t]
		if _, chosen := g.names[t]; !chosen && (count[n] > 1 || taken[n] || genericNames[n]) {
			p := packageTitle(t)
			if !strings.HasPrefix(n, p) {
				n = p + n
			}
		}
		if u, dup := byName[n]; dup || taken[n] {
			g.err = append(g.err, fmt.Sprintf("schema name %s: %s and %v", n, t, u))
		}
		byName[n] = t
		final[t] = n
	}
	var fix func(s *jsonSchema)
	fix = func(s *jsonSchema) {
		if s.ref != nil {
			s.Ref = "#/components/schemas/" + final[s.ref]
		}
		for i := range s.AllOf {
			fix(&s.AllOf[i])
		}
		for i, m := range s.Properties {
			p := m.Value.(jsonSchema)
			fix(&p)
			s.Properties[i].Value = p
		}
		if s.Items != nil {
			fix(s.Items)
		}
		if s.AdditionalProperties != nil {
			fix(s.AdditionalProperties)
		}
	}
	out := map[string]jsonSchema{}
	for _, t := range g.order {
		s := *g.named[t]
		fix(&s)
		out[final[t]] = s
	}
	if len(g.err) > 0 {
		slices.Sort(g.err)
		return nil, fmt.Errorf("schema generator:\n  %s", strings.Join(slices.Compact(g.err), "\n  "))
	}
	return out, nil
}
