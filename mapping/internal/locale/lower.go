package locale

// AppendLowerASCII appends s in lower case to dst when every byte of s is
// ASCII, where strings.ToLower gives the same bytes: a table of
// lower-case keys is then looked up as m[string(b)], which copies
// nothing. Labels, headings and names are looked up so on most lines of
// every document, and each key's lower-case copy was an allocation (300
// a film). ok is false, and dst as given, for s with a byte past ASCII.
func AppendLowerASCII(dst []byte, s string) (b []byte, ok bool) {
	n := len(dst)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return dst[:n], false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}
