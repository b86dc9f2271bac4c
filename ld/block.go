package ld

import (
	"bytes"
	"io"
	"os"
)

// SpoolBlocksOver is the length past which a JSON-LD script block is
// checked as it is read (by [ReadBlock], for [ExtractHTML] and validate's
// reading of a large page), rather than held and then decoded: a page's
// 200 MB block of junk took 0.9–1.0 GB for convert to refuse. Real
// blocks are kilobytes.
const SpoolBlocksOver = 8 << 20

// spoolBlocksOver is SpoolBlocksOver, lowered by tests to check short
// blocks both ways.
var spoolBlocksOver = SpoolBlocksOver

// ReadBlock reads the content of a script block for a caller that needs
// it whole only when it passes check: content of up to limit bytes is
// returned as read, unchecked; longer content is copied to a temporary
// file as check reads it (check is given the whole content) and read
// back whole only when check returns nil, so a long block of junk costs
// a buffer, not its size. check's error is returned as it is. Where no
// temporary file can be made, the content is read whole, as a short
// one is.
func ReadBlock(content io.Reader, limit int, check func(io.Reader) error) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(io.LimitReader(content, int64(limit)+1))
	head := buf.Bytes()
	if err != nil || len(head) <= limit {
		// Kept at its size: a page of many small blocks held each in
		// ReadAll's first 512 bytes.
		return bytes.Clone(head), err
	}
	f, err := os.CreateTemp("", "film2ld-block-*.json")
	if err != nil {
		rest, err := io.ReadAll(content)
		return append(head, rest...), err
	}
	defer f.Close()
	// Removed while open, the file lives as long as it is open; where
	// that is refused (Windows), it is removed once closed.
	if os.Remove(f.Name()) != nil {
		defer os.Remove(f.Name())
	}
	if _, err := f.Write(head); err != nil {
		return nil, err
	}
	if err := check(io.MultiReader(bytes.NewReader(head), io.TeeReader(content, f))); err != nil {
		return nil, err
	}
	head = nil
	// check read to the end of valid JSON; whatever it left is copied.
	if _, err := io.Copy(f, content); err != nil {
		return nil, err
	}
	size, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	text := make([]byte, size)
	if _, err := io.ReadFull(f, text); err != nil {
		return nil, err
	}
	return text, nil
}
