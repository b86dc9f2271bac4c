package diag

import (
	"bufio"
	"io"
)

// LineExcerpts reads one line of UTF-8 text from br, through its line
// feed or to the end of the input, and returns, for each of cols, the
// excerpt ExcerptAs(1, col, number) gives of an Index of that line alone
// (an empty line at the end of the input too), holding no more of the
// line than the windows it shows: validate read a 200 MB line whole, and
// indexed it, for one caret. last is set when the line ended with the
// input, not a line feed.
func LineExcerpts(br *bufio.Reader, cols []int, number int) (excerpts []string, last bool, err error) {
	w := lineWindows{cols: cols, wins: make([][]byte, len(cols))}
	for {
		chunk, rerr := br.ReadSlice('\n')
		if rerr == nil {
			chunk = chunk[:len(chunk)-1] // the line feed
		}
		for _, b := range chunk {
			w.add(b)
		}
		if rerr == bufio.ErrBufferFull {
			continue
		}
		if rerr != nil && rerr != io.EOF {
			return nil, false, rerr
		}
		last = rerr == io.EOF
		break
	}
	excerpts = make([]string, len(cols))
	for i, col := range cols {
		excerpts[i] = w.excerpt(i, col, number)
	}
	return excerpts, last, nil
}

// lineWindows keeps, of a line read a byte at a time, the characters
// each column's excerpt may show: those around the column, and the last
// excerptWidth of the line, which the excerpt shows of a column near its
// end. Carriage returns are held back until a character follows them:
// the excerpt does not count those that end the line.
type lineWindows struct {
	cols []int
	wins [][]byte // the characters from around(col) on, up to excerptWidth of them
	n    int      // the characters read, the CRs held back not counted
	crs  int      // the carriage returns held back
	// tail holds the last characters read (from tail0 on), tailStarts
	// the offset in it of each.
	tail       []byte
	tailStarts []int
	tail0      int
}

// around is the first character of col's excerpt in a line long enough
// past col.
func around(col int) int { return max(0, col-1-excerptWidth/2) }

func (w *lineWindows) add(b byte) {
	if b == '\r' {
		w.crs++
		return
	}
	for ; w.crs > 0; w.crs-- {
		w.byte('\r')
	}
	w.byte(b)
}

// byte adds one byte of the line's text.
func (w *lineWindows) byte(b byte) {
	if b&0xC0 != 0x80 { // a character starts
		w.n++
		if len(w.tailStarts) == 2*excerptWidth {
			// The first half is no longer the last excerptWidth.
			cut := w.tailStarts[excerptWidth]
			w.tail = append(w.tail[:0], w.tail[cut:]...)
			for i := range excerptWidth {
				w.tailStarts[i] = w.tailStarts[excerptWidth+i] - cut
			}
			w.tailStarts = w.tailStarts[:excerptWidth]
			w.tail0 += excerptWidth
		}
		w.tailStarts = append(w.tailStarts, len(w.tail))
	}
	w.tail = append(w.tail, b)
	c := w.n - 1 // the character b is part of
	for i, col := range w.cols {
		if lo := around(col); c >= lo && c < lo+excerptWidth {
			w.wins[i] = append(w.wins[i], b)
		}
	}
}

// excerpt is the i-th column's excerpt, once the line is read.
func (w *lineWindows) excerpt(i, col, number int) string {
	if col <= 0 {
		return ""
	}
	start, _ := excerptWindow(w.n, col)
	// The window starts at around(col) in a line long enough past col,
	// else it is the line's last excerptWidth characters (or the whole
	// line), which the tail holds.
	text := w.wins[i]
	if w.n <= excerptWidth || start != around(col) {
		text = nil
		if from := start - w.tail0; from < len(w.tailStarts) {
			text = w.tail[w.tailStarts[from]:]
		}
	}
	return excerpt(string(text), w.n, number, col)
}
