package ident

import (
	"crypto/rand"
	"encoding/binary"
	"math/bits"
)

// A CPR number or fødselsnummer is kept inside its value sealed: passed
// through a keyed permutation of the 64-bit integers whose key is drawn
// from crypto/rand when the program starts. fmt prints an unexported field
// by reflection, without calling the identifier's Format, so a struct
// holding an identifier in an unexported field prints the sealed integer;
// with a secret key drawn per process, that integer cannot be turned back
// into the number by anyone reading tillid's source (the earlier
// multiplication by a public constant could). The sealed form never leaves
// the process: storage uses MarshalText, which unseals.
//
// The permutation is an eight-round Feistel network on two 32-bit halves
// whose round function mixes the half with a 64-bit round key (the
// finaliser of MurmurHash3, a bijective avalanche mix). It is a scrambling
// that resists inversion without the key, not a cipher to protect data at
// rest; it does not allocate.
type sealer struct {
	k [8]uint64
}

// seals is the process's sealer. Its key is drawn once, when the package
// is initialised; the zero identifier keeps the sealed value 0, so the key
// is redrawn in the (vanishingly rare) case that some number below 10^11
// would seal to 0.
var seals = newSealer()

func newSealer() *sealer {
	for {
		var b [64]byte
		_, _ = rand.Read(b[:]) // never fails (crypto/rand.Read panics instead)
		s := &sealer{}
		for i := range s.k {
			s.k[i] = binary.LittleEndian.Uint64(b[8*i:])
		}
		if z := s.open(0); z == 0 || z >= 100_000_000_000 {
			return s
		}
	}
}

func (s *sealer) round(i int, h uint32) uint32 {
	x := uint64(h) ^ s.k[i]
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return uint32(x) ^ uint32(bits.RotateLeft64(x, 29))
}

// seal returns the sealed form of n.
func (s *sealer) seal(n uint64) uint64 {
	l, r := uint32(n>>32), uint32(n)
	for i := range s.k {
		l, r = r, l^s.round(i, r)
	}
	return uint64(l)<<32 | uint64(r)
}

// open is the inverse of seal.
func (s *sealer) open(x uint64) uint64 {
	l, r := uint32(x>>32), uint32(x)
	for i := len(s.k) - 1; i >= 0; i-- {
		l, r = r^s.round(i, l), l
	}
	return uint64(l)<<32 | uint64(r)
}
