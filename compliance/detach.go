package compliance

// Detach gives every finding in fs its own copy of its Refs and Args (with
// each argument's Keys and Ref), in place, so that no finding shares memory
// with another finding or with the tables of the rule that made it. Rules
// build findings from package-level reference slices for speed; every
// function of tillid that returns findings calls Detach on them before they
// reach the caller, so a caller may change what it receives — sort a
// finding's Refs, fill in an argument — without changing another caller's
// later result. Detach makes at most four allocations for the whole slice.
func Detach(fs []Finding) {
	var nRefs, nArgs, nKeys int
	for i := range fs {
		nRefs += len(fs[i].Refs)
		nArgs += len(fs[i].Args)
		for j := range fs[i].Args {
			a := &fs[i].Args[j]
			nKeys += len(a.Keys)
			if a.Ref != nil {
				nRefs++
			}
		}
	}
	refs := make([]Ref, 0, nRefs)
	args := make([]Arg, 0, nArgs)
	keys := make([]string, 0, nKeys)
	for i := range fs {
		f := &fs[i]
		if f.Refs != nil {
			n := len(refs)
			refs = append(refs, f.Refs...)
			f.Refs = refs[n:len(refs):len(refs)]
		}
		if f.Args != nil {
			n := len(args)
			args = append(args, f.Args...)
			f.Args = args[n:len(args):len(args)]
			for j := range f.Args {
				a := &f.Args[j]
				if a.Keys != nil {
					k := len(keys)
					keys = append(keys, a.Keys...)
					a.Keys = keys[k:len(keys):len(keys)]
				}
				if a.Ref != nil {
					refs = append(refs, *a.Ref)
					a.Ref = &refs[len(refs)-1]
				}
			}
		}
	}
}

// DetachRefs returns a copy of refs that shares nothing with it, or nil for
// an empty refs. Values that carry references beside their findings (a
// deadline, a retention decision) hand their callers such a copy.
func DetachRefs(refs []Ref) []Ref {
	if len(refs) == 0 {
		return nil
	}
	return append(make([]Ref, 0, len(refs)), refs...)
}

// DetachDocument gives every block of d its own copy of its Refs and of its
// messages' arguments, as [Detach] does for findings.
func DetachDocument(d *Document) {
	d.Title.Args = detachArgs(d.Title.Args)
	for i := range d.Blocks {
		b := &d.Blocks[i]
		b.Refs = DetachRefs(b.Refs)
		b.Label.Args = detachArgs(b.Label.Args)
		b.Text.Args = detachArgs(b.Text.Args)
	}
}

func detachArgs(args []Arg) []Arg {
	if len(args) == 0 {
		return args
	}
	f := []Finding{{Args: args}}
	Detach(f)
	return f[0].Args
}
