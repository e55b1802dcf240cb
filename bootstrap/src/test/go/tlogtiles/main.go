// Command tlogtiles reads a paperplane observer's C2SP tlog-tiles log with the Go checksum database's own
// packages (golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog), not with paperplane's code: it verifies
// the signed checkpoint, authenticates every tile it reads against the checkpoint's root (tlog.TileHashReader),
// checks every entry bundle against the level-0 hashes, checks inclusion and consistency proofs built from the
// tiles and those the observer serves as JSON, and, given a checkpoint kept from before, proves the log an
// extension of it. It exits 1 on any mismatch and 2 on bad usage.
//
//	tlogtiles BASE VERIFIER-KEY [KEPT-CHECKPOINT-FILE]
//
// BASE is the tlog-tiles prefix, e.g. http://127.0.0.1:8080/observer/v1/log.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// C2SP tlog-tiles tiles span eight levels of the tree, 256 hashes.
const height = 8

func main() {
	if len(os.Args) != 3 && len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: tlogtiles BASE VERIFIER-KEY [KEPT-CHECKPOINT-FILE]")
		os.Exit(2)
	}
	c := client{base: strings.TrimSuffix(os.Args[1], "/")}
	verifier, err := note.NewVerifier(os.Args[2])
	if err != nil {
		fmt.Fprintf(os.Stderr, "tlogtiles: bad verifier key: %v\n", err)
		os.Exit(2)
	}
	kept := ""
	if len(os.Args) == 4 {
		kept = os.Args[3]
	}
	if err := c.check(verifier, kept); err != nil {
		fmt.Fprintf(os.Stderr, "tlogtiles: FAILED: %v\n", err)
		os.Exit(1)
	}
}

type client struct {
	base string
}

// checkpoint is a verified C2SP tlog-checkpoint.
type checkpoint struct {
	origin string
	tree   tlog.Tree
}

func (c client) check(verifier note.Verifier, kept string) error {
	body, err := c.get("checkpoint")
	if err != nil {
		return err
	}
	cp, err := open(body, verifier)
	if err != nil {
		return fmt.Errorf("the served checkpoint: %v", err)
	}
	n := cp.tree.N
	hashes := tlog.TileHashReader(cp.tree, tiles{c})
	root, err := tlog.TreeHash(n, hashes)
	if err != nil {
		return fmt.Errorf("the tiles do not give the checkpoint's tree: %v", err)
	}
	if root != cp.tree.Hash {
		return fmt.Errorf("the tiles give root %v for size %d, the checkpoint %v", root, n, cp.tree.Hash)
	}
	entries, err := c.checkEntries(n, hashes)
	if err != nil {
		return err
	}
	inclusions := 0
	for _, index := range sample(n) {
		if err := c.checkInclusion(cp.tree, index, hashes); err != nil {
			return err
		}
		inclusions++
	}
	consistencies := 0
	for _, size := range sample(n + 1) {
		if size == 0 {
			continue
		}
		old, err := tlog.TreeHash(size, hashes)
		if err != nil {
			return fmt.Errorf("the tree of size %d: %v", size, err)
		}
		if err := c.checkConsistency(tlog.Tree{N: size, Hash: old}, cp.tree, hashes); err != nil {
			return err
		}
		consistencies++
	}
	extends := ""
	if kept != "" {
		if err := c.checkKept(kept, verifier, cp, hashes); err != nil {
			return err
		}
		extends = "; it extends the kept checkpoint"
	}
	fmt.Printf("ok: %s size %d root %v: %d entries, %d inclusion and %d consistency proofs verified%s\n",
		cp.origin, n, cp.tree.Hash, entries, inclusions, consistencies, extends)
	return nil
}

// open verifies a signed note with the verifier and parses its text as a checkpoint.
func open(msg []byte, verifier note.Verifier) (checkpoint, error) {
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return checkpoint{}, err
	}
	lines := strings.SplitN(n.Text, "\n", 4)
	if len(lines) != 4 || lines[3] != "" {
		return checkpoint{}, fmt.Errorf("not three lines of origin, size and root: %q", n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return checkpoint{}, fmt.Errorf("bad tree size %q", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		return checkpoint{}, fmt.Errorf("bad root hash %q", lines[2])
	}
	return checkpoint{lines[0], tlog.Tree{N: size, Hash: root}}, nil
}

// checkEntries reads every entry bundle and checks each entry's record hash against the authenticated level 0.
func (c client) checkEntries(n int64, hashes tlog.HashReader) (int64, error) {
	var count int64
	for first := int64(0); first < n; first += 1 << height {
		width := n - first
		if width > 1<<height {
			width = 1 << height
		}
		tile := tlog.Tile{H: height, L: -1, N: first >> height, W: int(width)}
		bundle, err := c.get(c2sp(tile))
		if err != nil {
			return count, err
		}
		indexes := make([]int64, width)
		for i := range indexes {
			indexes[i] = tlog.StoredHashIndex(0, first+int64(i))
		}
		leaves, err := hashes.ReadHashes(indexes)
		if err != nil {
			return count, fmt.Errorf("the level-0 hashes of entries %d..: %v", first, err)
		}
		for i := int64(0); i < width; i++ {
			if len(bundle) < 2 {
				return count, fmt.Errorf("entry bundle %s ends before entry %d", c2sp(tile), first+i)
			}
			length := int(bundle[0])<<8 | int(bundle[1])
			if len(bundle) < 2+length {
				return count, fmt.Errorf("entry bundle %s ends inside entry %d", c2sp(tile), first+i)
			}
			entry := bundle[2 : 2+length]
			bundle = bundle[2+length:]
			if got := tlog.RecordHash(entry); got != leaves[i] {
				return count, fmt.Errorf("entry %d hashes to %v, the tree holds %v", first+i, got, leaves[i])
			}
			count++
		}
		if len(bundle) != 0 {
			return count, fmt.Errorf("entry bundle %s has %d bytes after its %d entries", c2sp(tile), len(bundle),
				width)
		}
	}
	return count, nil
}

// inclusionJSON is the observer's /proofs/inclusion answer.
type inclusionJSON struct {
	Seq      int64
	TreeSize int64
	LeafHash string
	RootHash string
	Proof    []string
}

// consistencyJSON is the observer's /proofs/consistency answer.
type consistencyJSON struct {
	From     int64
	To       int64
	FromRoot string
	ToRoot   string
	Proof    []string
}

// checkInclusion proves entry index in the tree with tlog from the tiles, and checks the observer's JSON proof.
func (c client) checkInclusion(tree tlog.Tree, index int64, hashes tlog.HashReader) error {
	leaf, err := hashes.ReadHashes([]int64{tlog.StoredHashIndex(0, index)})
	if err != nil {
		return err
	}
	proof, err := tlog.ProveRecord(tree.N, index, hashes)
	if err != nil {
		return fmt.Errorf("proving entry %d from the tiles: %v", index, err)
	}
	if err := tlog.CheckRecord(proof, tree.N, tree.Hash, index, leaf[0]); err != nil {
		return fmt.Errorf("entry %d from the tiles: %v", index, err)
	}
	var served inclusionJSON
	if err := c.getJSON(fmt.Sprintf("../proofs/inclusion?seq=%d&size=%d", index+1, tree.N),
		&served); err != nil {
		return err
	}
	path, err := decodeHashes(served.Proof)
	if err != nil {
		return fmt.Errorf("the served inclusion proof of seq %d: %v", index+1, err)
	}
	if err := tlog.CheckRecord(tlog.RecordProof(path), tree.N, tree.Hash, index, leaf[0]); err != nil {
		return fmt.Errorf("the served inclusion proof of seq %d: %v", index+1, err)
	}
	return nil
}

// checkConsistency proves old a prefix of tree with tlog from the tiles, and checks the observer's JSON proof.
func (c client) checkConsistency(old, tree tlog.Tree, hashes tlog.HashReader) error {
	proof, err := tlog.ProveTree(tree.N, old.N, hashes)
	if err != nil {
		return fmt.Errorf("proving size %d a prefix of %d from the tiles: %v", old.N, tree.N, err)
	}
	if err := tlog.CheckTree(proof, tree.N, tree.Hash, old.N, old.Hash); err != nil {
		return fmt.Errorf("size %d as a prefix of %d from the tiles: %v", old.N, tree.N, err)
	}
	var served consistencyJSON
	if err := c.getJSON(fmt.Sprintf("../proofs/consistency?from=%d&to=%d", old.N, tree.N),
		&served); err != nil {
		return err
	}
	path, err := decodeHashes(served.Proof)
	if err != nil {
		return fmt.Errorf("the served consistency proof from %d to %d: %v", old.N, tree.N, err)
	}
	if err := tlog.CheckTree(tlog.TreeProof(path), tree.N, tree.Hash, old.N, old.Hash); err != nil {
		return fmt.Errorf("the served consistency proof from %d to %d: %v", old.N, tree.N, err)
	}
	return nil
}

// checkKept proves the served tree an extension of the checkpoint kept in file.
func (c client) checkKept(file string, verifier note.Verifier, served checkpoint, hashes tlog.HashReader) error {
	tree := served.tree
	msg, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	kept, err := open(msg, verifier)
	if err != nil {
		return fmt.Errorf("the kept checkpoint %s: %v", file, err)
	}
	if kept.origin != served.origin {
		return fmt.Errorf("the kept checkpoint is of log %q, the served one of %q", kept.origin, served.origin)
	}
	if kept.tree.N > tree.N {
		return fmt.Errorf("the log shrank: the kept checkpoint has size %d root %v, the served one size %d root %v",
			kept.tree.N, kept.tree.Hash, tree.N, tree.Hash)
	}
	if kept.tree.N == 0 {
		return nil
	}
	root, err := tlog.TreeHash(kept.tree.N, hashes)
	if err != nil {
		return err
	}
	if root != kept.tree.Hash {
		return fmt.Errorf("the log was rewritten: its first %d entries have root %v, the kept checkpoint %v",
			kept.tree.N, root, kept.tree.Hash)
	}
	return c.checkConsistency(kept.tree, tree, hashes)
}

// sample gives up to 40 indexes below n: the ends, tile edges and evenly spread ones.
func sample(n int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	add := func(i int64) {
		if i >= 0 && i < n && !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	for _, i := range []int64{0, 1, 2, 255, 256, 257, 511, 512, n - 2, n - 1} {
		add(i)
	}
	for k := int64(1); k < 30; k++ {
		add(n * k / 30)
	}
	return out
}

func decodeHashes(encoded []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(encoded))
	for i, s := range encoded {
		raw, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(raw) != tlog.HashSize {
			return nil, fmt.Errorf("hash %d is not base64 of %d bytes: %q", i, tlog.HashSize, s)
		}
		copy(out[i][:], raw)
	}
	return out, nil
}

// tiles reads hash tiles from the observer, mapping tlog's tile/8/L/N paths to C2SP's tile/L/N.
type tiles struct {
	c client
}

func (t tiles) Height() int {
	return height
}

func (t tiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(list))
	for i, tile := range list {
		data, err := t.c.get(c2sp(tile))
		if err != nil {
			return nil, err
		}
		if len(data) != tile.W*tlog.HashSize {
			return nil, fmt.Errorf("tile %s has %d bytes, not %d", c2sp(tile), len(data), tile.W*tlog.HashSize)
		}
		out[i] = data
	}
	return out, nil
}

func (t tiles) SaveTiles([]tlog.Tile, [][]byte) {
}

// c2sp is tile's C2SP tlog-tiles path: tlog's path without the height, entry bundles under tile/entries.
func c2sp(tile tlog.Tile) string {
	path := strings.TrimPrefix(tile.Path(), fmt.Sprintf("tile/%d/", height))
	return "tile/" + strings.Replace(path, "data/", "entries/", 1)
}

func (c client) get(path string) ([]byte, error) {
	return fetch(c.base + "/" + path)
}

// getJSON reads a JSON proof at ref, resolved against the tlog-tiles prefix (the proofs sit beside it).
func (c client) getJSON(ref string, into interface{}) error {
	base, err := url.Parse(c.base + "/")
	if err != nil {
		return err
	}
	rel, err := url.Parse(ref)
	if err != nil {
		return err
	}
	address := base.ResolveReference(rel).String()
	body, err := fetch(address)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, into); err != nil {
		return fmt.Errorf("%s: %v", address, err)
	}
	return nil
}

func fetch(address string) ([]byte, error) {
	resp, err := http.Get(address)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", address, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s: %s", address, resp.Status, bytes.TrimSpace(body))
	}
	return body, nil
}
