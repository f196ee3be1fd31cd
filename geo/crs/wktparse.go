package crs

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// wktNode is a keyword with its bracketed arguments, from WKT 1 (.prj,
// OGC 01-009 and the ESRI dialect) or WKT 2 (ISO 19162).
type wktNode struct {
	key  string
	args []wktArg
}

type wktArg struct {
	str   string
	num   float64
	isNum bool
	node  *wktNode
}

// Limits on a definition: real ones are a few kB and nest 6 deep.
const (
	maxWKTBytes = 64 << 10
	maxWKTDepth = 32
)

var errWKT = errors.New("crs: unreadable WKT")

type wktParser struct {
	s   string
	pos int
}

func parseWKT(s string) (*wktNode, error) {
	if len(s) > maxWKTBytes {
		return nil, fmt.Errorf("%w: %d bytes", errWKT, len(s))
	}
	p := &wktParser{s: s}
	n, err := p.node(0)
	if err != nil {
		return nil, err
	}
	return n, nil
}

func (p *wktParser) skipSpace() {
	for p.pos < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *wktParser) node(depth int) (*wktNode, error) {
	if depth > maxWKTDepth {
		return nil, fmt.Errorf("%w: nested deeper than %d", errWKT, maxWKTDepth)
	}
	p.skipSpace()
	start := p.pos
	for p.pos < len(p.s) && (isLetter(p.s[p.pos]) || p.s[p.pos] == '_' || (p.pos > start && isDigit(p.s[p.pos]))) {
		p.pos++
	}
	n := &wktNode{key: strings.ToUpper(p.s[start:p.pos])}
	p.skipSpace()
	if n.key == "" || p.pos >= len(p.s) || (p.s[p.pos] != '[' && p.s[p.pos] != '(') {
		return nil, fmt.Errorf("%w: keyword expected at byte %d", errWKT, start)
	}
	p.pos++
	for {
		a, err := p.arg(depth)
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, a)
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, fmt.Errorf("%w: unclosed %s", errWKT, n.key)
		}
		c := p.s[p.pos]
		p.pos++
		if c == ']' || c == ')' {
			return n, nil
		}
		if c != ',' {
			return nil, fmt.Errorf("%w: unexpected %q at byte %d", errWKT, c, p.pos-1)
		}
	}
}

func (p *wktParser) arg(depth int) (wktArg, error) {
	p.skipSpace()
	if p.pos >= len(p.s) {
		return wktArg{}, fmt.Errorf("%w: truncated", errWKT)
	}
	switch c := p.s[p.pos]; {
	case c == '"':
		return p.quoted()
	case isDigit(c) || c == '-' || c == '+' || c == '.':
		start := p.pos
		for p.pos < len(p.s) && strings.IndexByte("0123456789+-.eE", p.s[p.pos]) >= 0 {
			p.pos++
		}
		v, err := strconv.ParseFloat(p.s[start:p.pos], 64)
		if err != nil {
			return wktArg{}, fmt.Errorf("%w: number at byte %d", errWKT, start)
		}
		return wktArg{num: v, isNum: true}, nil
	}
	save := p.pos
	if n, err := p.node(depth + 1); err == nil {
		return wktArg{node: n}, nil
	} else if depth+1 > maxWKTDepth {
		return wktArg{}, err
	}
	p.pos = save // a bare enumeration value such as NORTH or EAST
	for p.pos < len(p.s) && (isLetter(p.s[p.pos]) || isDigit(p.s[p.pos]) || p.s[p.pos] == '_') {
		p.pos++
	}
	if p.pos == save {
		return wktArg{}, fmt.Errorf("%w: unexpected %q at byte %d", errWKT, p.s[p.pos], p.pos)
	}
	return wktArg{str: p.s[save:p.pos]}, nil
}

func (p *wktParser) quoted() (wktArg, error) {
	var b strings.Builder
	for p.pos++; p.pos < len(p.s); p.pos++ {
		if p.s[p.pos] == '"' {
			if p.pos+1 < len(p.s) && p.s[p.pos+1] == '"' {
				b.WriteByte('"')
				p.pos++
				continue
			}
			p.pos++
			return wktArg{str: b.String()}, nil
		}
		b.WriteByte(p.s[p.pos])
	}
	return wktArg{}, fmt.Errorf("%w: unclosed quote", errWKT)
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// child returns the first direct child node with one of keys.
func (n *wktNode) child(keys ...string) *wktNode {
	for _, a := range n.args {
		if a.node != nil && containsKey(keys, a.node.key) {
			return a.node
		}
	}
	return nil
}

// find returns the first node with one of keys, depth first.
func (n *wktNode) find(keys ...string) *wktNode {
	if containsKey(keys, n.key) {
		return n
	}
	for _, a := range n.args {
		if a.node != nil {
			if f := a.node.find(keys...); f != nil {
				return f
			}
		}
	}
	return nil
}

func containsKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// name is the first quoted argument.
func (n *wktNode) name() string {
	if n == nil || len(n.args) == 0 {
		return ""
	}
	return n.args[0].str
}

// nums lists the numeric arguments.
func (n *wktNode) nums() []float64 {
	var out []float64
	for _, a := range n.args {
		if a.isNum {
			out = append(out, a.num)
		}
	}
	return out
}
