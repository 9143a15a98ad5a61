package compliance

// Detach gives every finding in fs its own copy of its Args (with each
// argument's Keys and Ref), in place, so that no finding shares an argument
// with another finding or with the rule that made it. Every function of
// tillid that returns findings calls Detach on them before they reach the
// caller, so a caller may change the arguments it receives — fill one in,
// sort a list of keys — without changing another caller's later result.
// A finding's Refs are not copied: they are an immutable [Refs], shared
// with the rule's citation tables, which no one can change. Detach makes at
// most three allocations for the whole slice.
func Detach(fs []Finding) {
	var nRefs, nArgs, nKeys int
	for i := range fs {
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

// DetachDocument gives every message of d its own copy of its arguments,
// as [Detach] does for findings. The blocks' Refs are immutable and shared.
func DetachDocument(d *Document) {
	d.Title.Args = detachArgs(d.Title.Args)
	for i := range d.Blocks {
		b := &d.Blocks[i]
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
