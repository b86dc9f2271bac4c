package diag

// UTF16WithoutBOM tells text saved as UTF-16 without a byte-order mark
// by its first KiB, head: "little-endian" when nearly every odd byte is
// NUL and few even ones are, and most even ones are text (printable
// ASCII, a tab or line break, a Latin-1 letter), as in UTF-16LE Latin
// text or markup, "big-endian" the other way round, else "". Binary
// data with NULs at every other byte (an array of small numbers) is not
// text so. Readers use it to say what such an input is (a film document
// that reads as binary data, linked data that reads as a NUL after every
// character, a page that reads as one with no block), never to decode it
// on a guess.
func UTF16WithoutBOM(head []byte) string {
	head = head[:min(len(head), 1024)&^1]
	if len(head) < 8 {
		return ""
	}
	var nul, text [2]int // NUL and text bytes at even and odd offsets
	for i, b := range head {
		switch {
		case b == 0:
			nul[i%2]++
		case b >= 0x20 && b < 0x7F || b >= 0xA0 || b == '\t' || b == '\n' || b == '\r':
			text[i%2]++
		}
	}
	half := len(head) / 2
	switch {
	case nul[1]*10 >= half*9 && nul[0]*10 <= half && text[0]*10 >= half*8:
		return "little-endian"
	case nul[0]*10 >= half*9 && nul[1]*10 <= half && text[1]*10 >= half*8:
		return "big-endian"
	}
	return ""
}
