package main

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"net/netip"
	"strings"
)

// hash and guid reproduce AzureMocks.hash/guid (Java) bit for bit, so the offline plan and the engine run
// assign the same values to what Azure would compute; the e2e parity check compares them.
func hash(seed string) int64 {
	d := sha256.Sum256([]byte(seed))
	var v int64
	for i := 0; i < 6; i++ {
		v = (v << 8) | int64(d[i])
	}
	return v
}

func guid(seed string) string {
	d := sha256.Sum256([]byte(seed))
	s := fmt.Sprintf("%x", d[:16])
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
}

// cidrAddress returns the offset-th address of an IPv4 prefix.
func cidrAddress(prefix string, offset int64) (string, error) {
	p, err := netip.ParsePrefix(prefix)
	if err != nil {
		return "", err
	}
	b := p.Masked().Addr().As4()
	v := binary.BigEndian.Uint32(b[:]) + uint32(offset)
	var out [4]byte
	binary.BigEndian.PutUint32(out[:], v)
	return netip.AddrFrom4(out).String(), nil
}

func cidrSize(prefix string) int64 {
	p, err := netip.ParsePrefix(prefix)
	if err != nil {
		return 0
	}
	return int64(1) << (32 - p.Bits())
}

func cidrContains(prefix, ip string) bool {
	p, err := netip.ParsePrefix(prefix)
	if err != nil {
		return false
	}
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	return p.Contains(a)
}

func lastSegment(id string) string {
	return id[strings.LastIndex(id, "/")+1:]
}

// get walks a decoded JSON-like value along a dotted path.
func get(v interface{}, path string) interface{} {
	cur := v
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]interface{})
		if !ok {
			return nil
		}
		cur = m[part]
	}
	return cur
}

func str(v interface{}, path string) string {
	if s, ok := get(v, path).(string); ok {
		return s
	}
	return ""
}

func boolean(v interface{}, path string) bool {
	b, _ := get(v, path).(bool)
	return b
}

func list(v interface{}, path string) []interface{} {
	l, _ := get(v, path).([]interface{})
	return l
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
