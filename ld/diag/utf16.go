package diag

// UTF16WithoutBOM tells text saved as UTF-16 without a byte-order mark
// by its first KiB, head: "little-endian" when nearly every odd byte is
// NUL and few even ones are, as in UTF-16LE Latin text or markup,
// "big-endian" the other way round, else "". Readers use it to say what
// such an input is (a film document that reads as binary data, a page
// that reads as one with no block), never to decode it on a guess.
func UTF16WithoutBOM(head []byte) string {
	head = head[:min(len(head), 1024)&^1]
	if len(head) < 8 {
		return ""
	}
	var nul [2]int // NUL bytes at even and odd offsets
	for i, b := range head {
		if b == 0 {
			nul[i%2]++
		}
	}
	half := len(head) / 2
	switch {
	case nul[1]*10 >= half*9 && nul[0]*10 <= half:
		return "little-endian"
	case nul[0]*10 >= half*9 && nul[1]*10 <= half:
		return "big-endian"
	}
	return ""
}
