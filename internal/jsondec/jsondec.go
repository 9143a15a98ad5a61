// Package jsondec decodes the JSON form of tillid's records strictly,
// reporting every problem by its JSON path in one
// [compliance.ValidationError]: member names match exactly, an unknown
// member is an error that names the accepted members (never the unknown
// name, which may be personal data), a member given twice is
// [compliance.ReasonDuplicate], and trailing data and documents over [Max]
// bytes are rejected. No error contains input text.
package jsondec

import (
	"bytes"
	"encoding"
	"encoding/json"
	"io"
	"reflect"
	"strings"

	"github.com/tillid/tillid/compliance"
	"github.com/tillid/tillid/internal/check"
)

// Max is the largest document [Decode] accepts, in bytes.
const Max = 1 << 20

// Decode decodes data into dst, a pointer to a struct, reporting every
// problem by JSON path under entity.
func Decode(data []byte, dst any, entity string) error {
	var v compliance.Validation
	if len(data) > Max {
		v.Add("", compliance.ReasonTooLong)
		return v.Err(entity)
	}
	d := decoder{v: &v}
	d.value(data, reflect.ValueOf(dst).Elem(), "")
	return v.Err(entity)
}

// decoder decodes JSON with paths. Types that decode themselves (text and
// JSON unmarshalers) and scalars are decoded by encoding/json; structs and
// slices of the record types — and [compliance.Refs], a list in JSON —
// are walked member by member so that each error gets its path.
type decoder struct {
	v *compliance.Validation
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	refsType        = reflect.TypeFor[compliance.Refs]()
)

func (d *decoder) value(data []byte, rv reflect.Value, path string) {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, []byte("null")) {
		return
	}
	t := rv.Type()
	pt := reflect.PointerTo(t)
	switch {
	case t == refsType:
		// A list of references is read as the []Ref it is in JSON, so
		// that each bad reference is reported at its own index.
		var list []compliance.Ref
		d.array(data, reflect.ValueOf(&list).Elem(), path)
		rv.Set(reflect.ValueOf(compliance.RefsOf(list...)))
	case pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler):
		d.leaf(data, rv, path)
	case t.Kind() == reflect.Struct:
		d.object(data, rv, path)
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		d.array(data, rv, path)
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		d.value(data, p.Elem(), path)
		rv.Set(p)
	default:
		d.leaf(data, rv, path)
	}
}

// leaf decodes data with encoding/json. A [*compliance.FieldError] is reported at
// path (its own field name, "country" or "date", is the leaf's); a
// [*compliance.ValidationError] (a Ref's parts) is placed under path; anything else is
// [compliance.ReasonFormat], because encoding/json's messages may quote the input.
func (d *decoder) leaf(data []byte, rv reflect.Value, path string) {
	if err := json.Unmarshal(data, rv.Addr().Interface()); err != nil {
		check.Leaf(d.v, path, err)
	}
}

// array decodes a JSON array element by element, as path[i].
func (d *decoder) array(data []byte, rv reflect.Value, path string) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		d.v.Add(path, compliance.ReasonFormat)
		return
	}
	s := reflect.MakeSlice(rv.Type(), len(raws), len(raws))
	for i, raw := range raws {
		d.value(raw, s.Index(i), check.Index(path, i))
	}
	rv.Set(s)
}

// object decodes a JSON object into a struct member by member.
func (d *decoder) object(data []byte, rv reflect.Value, path string) {
	fields := jsonFields(rv.Type())
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		d.v.Add(path, compliance.ReasonFormat)
		return
	}
	seen := make(map[string]bool, len(fields))
	unknown := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			d.v.Add(path, compliance.ReasonFormat)
			return
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			d.v.Add(path, compliance.ReasonFormat)
			return
		}
		i, ok := fields[key]
		switch {
		case !ok:
			if !unknown {
				unknown = true
				d.v.Check(path, &compliance.FieldError{
					Reason: compliance.ReasonUnknown, Vocabulary: "member", Accepted: memberNames(rv.Type()),
				})
			}
		case seen[key]:
			d.v.Add(joinPath(path, key), compliance.ReasonDuplicate)
		default:
			seen[key] = true
			d.value(raw, rv.Field(i), joinPath(path, key))
		}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		d.v.Add(path, compliance.ReasonFormat)
		return
	}
	if path == "" {
		if _, err := dec.Token(); err != io.EOF {
			d.v.Add("", compliance.ReasonFormat)
		}
	}
}

// jsonFields maps the JSON member names of struct type t to field indexes.
func jsonFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		if name := jsonName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

// memberNames lists the JSON member names of struct type t in field order.
func memberNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if name := jsonName(t.Field(i)); name != "" {
			names = append(names, name)
		}
	}
	return names
}

func jsonName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return f.Name
	}
	return name
}

// joinPath places field under parent, as [compliance.FieldError.In] does.
func joinPath(parent, field string) string {
	return (&compliance.FieldError{Field: field}).In(parent).Field
}
