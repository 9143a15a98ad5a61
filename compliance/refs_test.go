package compliance_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tillid/tillid/compliance"
)

// TestRefsJSON: a Refs reads and writes exactly what a []Ref did — the
// same bytes, the same values, the same errors.
func TestRefsJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []compliance.Ref // nil: the zero Refs
		err  bool
	}{
		{"null", `null`, nil, false},
		{"empty", `[]`, nil, false},
		{"one", `["gdpr art 33(1)"]`, []compliance.Ref{compliance.GDPR(33, 1, "")}, false},
		{"two", `["gdpr art 5(1)(e)","dk-dbl § 8(2)(3)"]`,
			[]compliance.Ref{compliance.GDPR(5, 1, "e"), compliance.Section(compliance.DKDataProtectionAct, "", "8", 2, "3")}, false},
		{"quoted doc", `["wp29 \"WP248 rev.01\" para III.B"]`, []compliance.Ref{compliance.Guidance(compliance.WP29, "WP248 rev.01", "III.B")}, false},
		{"null element", `[null]`, []compliance.Ref{{}}, false},
		{"unknown instrument", `["gdpr art 5(1)(e)","bogus"]`, nil, true},
		{"missing doc", `["dk-act"]`, nil, true},
		{"not canonical", `["gdpr article 5"]`, nil, true},
		{"number", `[1]`, nil, true},
		{"string", `"gdpr art 5"`, nil, true},
		{"object", `{}`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got compliance.Refs
			err := json.Unmarshal([]byte(tt.in), &got)
			var old []compliance.Ref
			oldErr := json.Unmarshal([]byte(tt.in), &old)
			if tt.err {
				require.Error(t, err)
				require.Error(t, oldErr)
				assert.Equal(t, oldErr.Error(), err.Error(), "the error of a []Ref")
				assert.True(t, got.IsZero(), "nothing is kept on error")
				return
			}
			require.NoError(t, err)
			require.NoError(t, oldErr)
			assert.Equal(t, tt.want, got.Slice())
			if tt.want != nil {
				// What reads back writes out as a []Ref did, byte for
				// byte, or fails as it did (a zero Ref is invalid).
				b, err := json.Marshal(got)
				ob, oldErr := json.Marshal(old)
				assert.Equal(t, oldErr != nil, err != nil)
				assert.Equal(t, string(ob), string(b))
			}
		})
	}
}

// TestRefsJSONNullAndEmpty: the zero Refs writes null, as a nil []Ref did,
// and a decoded [] writes [] again; in a block (omitzero) both are left
// out, as omitempty left out a nil or empty []Ref.
func TestRefsJSONNullAndEmpty(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{{`{"code":"a.b","severity":"info","refs":null}`, `"refs":null`}, {`{"code":"a.b","severity":"info","refs":[]}`, `"refs":[]`}} {
		var f compliance.Finding
		require.NoError(t, json.Unmarshal([]byte(tt.in), &f))
		b, err := json.Marshal(f)
		require.NoError(t, err)
		assert.Contains(t, string(b), tt.want)
		blk := compliance.Block{Kind: compliance.BlockParagraph, Text: compliance.Msg("a.b"), Refs: f.Refs}
		b, err = json.Marshal(blk)
		require.NoError(t, err)
		assert.NotContains(t, string(b), "refs")
	}
	b, err := json.Marshal(compliance.Finding{})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"refs":null`)
	_, err = json.Marshal(compliance.Finding{Refs: compliance.RefsOf(compliance.Ref{Instrument: compliance.DKAct})})
	assert.ErrorIs(t, err, compliance.ErrInvalid, "an invalid ref is not written")
}

// TestRefsImmutable: nothing a caller holds changes a Refs — neither the
// arguments it was made from nor the slice Slice returns.
func TestRefsImmutable(t *testing.T) {
	args := []compliance.Ref{compliance.GDPR(33, 1, ""), compliance.GDPR(34, 1, "")}
	rs := compliance.RefsOf(args...)
	args[0].Article = "99"
	s := rs.Slice()
	s[1].Article = "99"
	_ = append(s[:1], compliance.Recital(1))
	assert.Equal(t, compliance.GDPR(33, 1, ""), rs.At(0))
	assert.Equal(t, compliance.GDPR(34, 1, ""), rs.At(1))
	assert.Equal(t, 2, rs.Len())
}

func TestRefs(t *testing.T) {
	a, b, c := compliance.GDPR(33, 1, ""), compliance.Recital(85), compliance.GDPR(34, 1, "")
	tests := []struct {
		name string
		rs   compliance.Refs
		want []compliance.Ref
		str  string
	}{
		{"zero", compliance.Refs{}, nil, "[]"},
		{"none", compliance.RefsOf(), nil, "[]"},
		{"one", compliance.RefsOf(a), []compliance.Ref{a}, "[gdpr art 33(1)]"},
		{"two", compliance.RefsOf(a, b), []compliance.Ref{a, b}, "[gdpr art 33(1) gdpr recital 85]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, len(tt.want), tt.rs.Len())
			assert.Equal(t, len(tt.want) == 0, tt.rs.IsZero())
			assert.Equal(t, tt.want, tt.rs.Slice())
			assert.Equal(t, tt.str, tt.rs.String())
			assert.True(t, tt.rs.Equal(compliance.RefsOf(tt.want...)))
			assert.False(t, tt.rs.Equal(compliance.RefsOf(append(tt.want, c)...)))
			assert.False(t, tt.rs.Contains(c))
			var all []compliance.Ref
			for i, r := range tt.rs.All() {
				assert.Equal(t, tt.rs.At(i), r)
				all = append(all, r)
			}
			assert.Equal(t, tt.want, all)
			for i, r := range tt.want {
				assert.Equal(t, r, tt.rs.At(i))
				assert.True(t, tt.rs.Contains(r))
			}
			assert.NoError(t, tt.rs.Validate())
		})
	}
	assert.Panics(t, func() { compliance.RefsOf(a).At(1) }, "out of range, as a slice")
	for range compliance.RefsOf(a, b).All() {
		break // All stops when the loop does
	}
}

// TestRefsValidate: every invalid reference is reported at its index, so
// that checked under a field it reads as "refs[1].doc".
func TestRefsValidate(t *testing.T) {
	bad := compliance.Ref{Instrument: compliance.DKAct}
	rs := compliance.RefsOf(compliance.GDPR(33, 1, ""), bad, compliance.Recital(85), bad)
	var v compliance.Validation
	v.Check("refs", rs.Validate())
	err := v.Err("finding")
	var ve *compliance.ValidationError
	require.ErrorAs(t, err, &ve)
	var fields []string
	for _, f := range ve.Fields {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, []string{"refs[1].doc", "refs[3].doc"}, fields)
	assert.ErrorIs(t, rs.Validate(), compliance.ErrInvalid)
}

// Rules share their citation tables with every finding they return: a
// caller reads a finding's references, and may take a copy to change.
func ExampleRefs() {
	refs := compliance.RefsOf(compliance.GDPR(33, 1, ""), compliance.Recital(85))
	f := compliance.Finding{Code: "breach.notify-authority", Severity: compliance.Warning, Refs: refs}

	for i, r := range f.Refs.All() {
		fmt.Println(i, r)
	}
	mine := f.Refs.Slice() // a copy
	mine[0] = compliance.GDPR(34, 1, "")
	fmt.Println(f.Refs, mine)

	b, _ := json.Marshal(f.Refs)
	fmt.Println(string(b))
	// Output:
	// 0 gdpr art 33(1)
	// 1 gdpr recital 85
	// [gdpr art 33(1) gdpr recital 85] [gdpr art 34(1) gdpr recital 85]
	// ["gdpr art 33(1)","gdpr recital 85"]
}
