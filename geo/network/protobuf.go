package network

import "errors"

var errProto = errors.New("bad protobuf")

// pb reads protocol-buffer wire format: just what the PBF messages use.
type pb struct {
	b   []byte
	err error
}

// next reads a field key; false at the end or on error.
func (p *pb) next() (field, wire int, ok bool) {
	if p.err != nil || len(p.b) == 0 {
		return 0, 0, false
	}
	k := p.uvarint()
	return int(k >> 3), int(k & 7), p.err == nil
}

func (p *pb) uvarint() uint64 {
	var v uint64
	for s := uint(0); s < 64; s += 7 {
		if len(p.b) == 0 {
			p.err = errProto
			return 0
		}
		c := p.b[0]
		p.b = p.b[1:]
		v |= uint64(c&0x7f) << s
		if c < 0x80 {
			return v
		}
	}
	p.err = errProto
	return 0
}

func (p *pb) svarint() int64 {
	v := p.uvarint()
	return int64(v>>1) ^ -int64(v&1)
}

func (p *pb) bytes() []byte {
	n := p.uvarint()
	if p.err != nil || n > uint64(len(p.b)) {
		p.err = errProto
		return nil
	}
	out := p.b[:n]
	p.b = p.b[n:]
	return out
}

// skip passes over a field of the given wire type.
func (p *pb) skip(wire int) {
	switch wire {
	case 0:
		p.uvarint()
	case 1:
		p.fixed(8)
	case 2:
		p.bytes()
	case 5:
		p.fixed(4)
	default:
		p.err = errProto
	}
}

func (p *pb) fixed(n int) {
	if len(p.b) < n {
		p.err = errProto
		return
	}
	p.b = p.b[n:]
}

// packedU appends a packed (wire 2) or single (wire 0) unsigned field.
func (p *pb) packedU(wire int, dst []uint64) []uint64 {
	if wire == 0 {
		return append(dst, p.uvarint())
	}
	if wire != 2 {
		p.err = errProto
		return dst
	}
	q := pb{b: p.bytes()}
	for p.err == nil && len(q.b) > 0 {
		dst = append(dst, q.uvarint())
	}
	if q.err != nil {
		p.err = q.err
	}
	return dst
}

// packedS appends a packed (or single) zig-zag field, undoing delta
// coding when delta is set.
func (p *pb) packedS(wire int, dst []int64, delta bool) []int64 {
	var acc int64
	add := func(u uint64) {
		v := int64(u>>1) ^ -int64(u&1)
		if delta {
			acc += v
			v = acc
		}
		dst = append(dst, v)
	}
	switch wire {
	case 0:
		add(p.uvarint())
	case 2:
		q := pb{b: p.bytes()}
		for p.err == nil && q.err == nil && len(q.b) > 0 {
			add(q.uvarint())
		}
		if q.err != nil {
			p.err = q.err
		}
	default:
		p.err = errProto
	}
	return dst
}

// packedCount is how many values the packed field at p holds, without
// decoding them or moving p (one final byte, below 0x80, per varint).
func packedCount(p *pb) int {
	q := pb{b: p.b}
	n := 0
	for _, c := range q.bytes() {
		if c < 0x80 {
			n++
		}
	}
	return n
}
