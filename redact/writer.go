package redact

import (
	"bytes"
	"errors"
	"io"
)

// ErrNoWriter is returned by a [Writer] that has nowhere to write: the zero
// Writer, or one made by [Redactor.Writer] with a nil [io.Writer].
var ErrNoWriter = errors.New("redact: Writer has no underlying io.Writer: make it with Redactor.Writer(w) and a non-nil w")

// Limits of a [Writer].
const (
	// WriterLineLimit is the longest line a Writer holds back whole. Up to
	// this length, every line comes out exactly as [Redactor.Redact] would
	// give it.
	WriterLineLimit = 16 << 10
	// writerLookahead is how much of an over-long line a Writer keeps
	// after a cut, so that no value of bounded length (see MaxSecretLen)
	// is split.
	writerLookahead = MaxSecretLen
	// writerChunk bounds how much of one Write is taken in at a time.
	writerChunk = 64 << 10
)

// Writer redacts text on its way to another [io.Writer]. It holds back
// the last, unfinished line of what it was given (and a private key block
// until its END line), so a value split across two Write calls is still
// found: a card number written in two halves is redacted whole.
//
// Detection never spans lines (private key blocks apart), so for text whose
// lines are at most [WriterLineLimit] bytes the output equals what
// [Redactor.Redact] gives for the whole text. A longer line is cut at a
// space or tab that lies outside every value found, with at least
// [MaxSecretLen] bytes kept after the cut; a value is then never split,
// but a label such as "phone:" and the number after it may land on
// opposite sides of the cut. Memory is bounded by WriterLineLimit plus
// [MaxPEMLen] plus 64 KiB, whatever the size of the writes.
//
// Call [Writer.Close] (or [Writer.Flush]) at the end: until then the last
// line is held back. A Writer is not safe for simultaneous use.
//
// A Writer of a nil *Redactor, which detects nothing, passes its input
// through unchanged and holds nothing back. The zero Writer, which has no
// underlying writer, returns [ErrNoWriter] from every call.
type Writer struct {
	r   *Redactor
	w   io.Writer
	buf []byte  // input not yet redacted
	out []byte  // redacted output being written
	tmp scratch // buffers of the last redaction, kept for their room
	err error
}

// Writer returns a [Writer] that writes the redaction of its input to w.
// A nil w gives a Writer whose calls all return [ErrNoWriter].
func (r *Redactor) Writer(w io.Writer) *Writer {
	return &Writer{r: r, w: w}
}

// Write takes p in, redacts every complete line and writes it to the
// underlying writer. It returns len(p) unless the underlying writer failed;
// after a failure every call returns that error.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if w.w == nil {
		return 0, ErrNoWriter
	}
	if w.r == nil {
		return w.write(p)
	}
	done := 0
	for done < len(p) {
		take := min(len(p)-done, writerChunk)
		w.buf = append(w.buf, p[done:done+take]...)
		done += take
		if err := w.drain(false); err != nil {
			return done, err
		}
	}
	return len(p), nil
}

// Flush redacts and writes everything held back, as though the text ended
// here: a value that continues in a later Write is not joined with its
// start.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if w.w == nil {
		return ErrNoWriter
	}
	return w.drain(true)
}

// Close flushes the Writer. It does not close the underlying writer.
func (w *Writer) Close() error { return w.Flush() }

// drain redacts and writes the part of buf that is safe to process.
func (w *Writer) drain(final bool) error {
	for len(w.buf) > 0 {
		cut := len(w.buf)
		if !final {
			cut = w.safeCut()
		}
		if cut == 0 {
			return nil
		}
		w.out = w.r.appendRedacted(w.out[:0], w.buf[:cut], &w.tmp)
		n := copy(w.buf, w.buf[cut:])
		w.buf = w.buf[:n]
		if _, err := w.write(w.out); err != nil {
			return err
		}
	}
	return nil
}

// write writes p to the underlying writer; a short write is
// io.ErrShortWrite, and an error sticks to the Writer.
func (w *Writer) write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	w.err = err
	return n, err
}

// safeCut returns how much of buf can be redacted now without changing
// the result: everything up to the last line feed, except an open private
// key block; or, for an over-long line, up to a space outside every match.
func (w *Writer) safeCut() int {
	b := w.buf
	cut := bytes.LastIndexByte(b, '\n') + 1
	if beg := bytes.LastIndex(b, []byte("-----BEGIN ")); beg >= 0 && beg < cut && len(b)-beg <= MaxPEMLen {
		if !bytes.Contains(b[beg:], []byte("-----END ")) || bytes.LastIndexByte(b[bytes.LastIndex(b, []byte("-----END ")):], '\n') < 0 {
			cut = bytes.LastIndexByte(b[:beg], '\n') + 1
		}
	}
	if cut > 0 || len(b) <= WriterLineLimit {
		return cut
	}
	// One over-long line: cut at a space or tab outside every match, with
	// writerLookahead bytes after it.
	cs := scan(w.r, bytesView(b), nil, nil)
	limit := len(b) - writerLookahead
	k := len(cs) - 1
	for p := limit - 1; p > 0; p-- {
		if b[p] != ' ' && b[p] != '\t' {
			continue
		}
		for k >= 0 && cs[k].start > p {
			k--
		}
		if k >= 0 && cs[k].end > p {
			p = cs[k].start
			continue
		}
		return p + 1
	}
	// No space at all: cut outside the matches on a UTF-8 boundary.
	p := limit
	for k := len(cs) - 1; k >= 0; k-- {
		if cs[k].start < p && cs[k].end > p {
			p = cs[k].start
		}
	}
	for p > 0 && b[p]&0xC0 == 0x80 {
		p--
	}
	return p
}
