//! CPU kernels for a BERT encoder running on packed, unpadded token batches (texts laid end to end):
//! per-text multi-head self-attention and the fused residual-add + layer norm.

use rayon::prelude::*;
use std::cell::RefCell;

/// Width of the register tiles: two AVX2 registers or four SSE registers.
const LANES: usize = 16;
/// Query rows per register tile of the portable (SSE2, 16 registers) attention kernel: 2 rows ×
/// 4 registers of accumulators leave room for the operands; 4 rows would spill.
const PORTABLE_ROWS: usize = 2;
/// Query rows per register tile of the AVX2 attention kernel: 4 rows × 2 registers give 8
/// independent accumulators, enough to hide the FMA latency.
#[cfg(target_arch = "x86_64")]
const AVX2_ROWS: usize = 4;
/// Query rows per register tile of the AVX-512 attention kernel: 8 rows × 2 panels of LANES (one
/// zmm register each) are 16 independent accumulators, and 32 registers leave room for the operands.
#[cfg(target_arch = "x86_64")]
const AVX512_ROWS: usize = 8;
/// Texts at least this long take the AVX-512 attention kernel where the CPU has it; shorter ones
/// stay on AVX2, which is as fast there and pads less (measured by `attention_throughput`: 25-token
/// texts equal, 86-token texts 1.2× faster on AVX-512).
#[cfg(target_arch = "x86_64")]
const AVX512_MIN_TOKENS: usize = 48;
/// Query rows whose scores are held at once: 64 rows of a 512-token text's scores (128 KiB) stay
/// in L2. A multiple of every row tile, so only a text's last block has padding rows.
const QUERY_BLOCK: usize = 64;
/// Most query rows one attention work item handles: long texts are split into items of this many
/// rows so that a single text still feeds every thread, while each item packs its head's K and V
/// once for several query blocks (packing per 64-row block cost a fifth of the kernel at 484
/// tokens). A multiple of QUERY_BLOCK.
const ITEM_ROWS: usize = 4 * QUERY_BLOCK;
/// Rows per layer-norm work item: big enough to amortise scheduling, small enough to balance.
const NORM_ROWS_PER_TASK: usize = 16;

/// Multi-head self-attention over packed texts, no mask needed (each text attends only to itself).
/// `qkv`: `[total_tokens, 3*hidden]` row-major: columns `[0,hidden)` are Q, `[hidden,2h)` K, `[2h,3h)` V, each split into
/// `heads` consecutive head blocks of `hidden/heads` columns (the Hugging Face BERT layout after a fused QKV linear).
/// `spans`: text i owns rows `spans[i].0 .. spans[i].0+spans[i].1` (non-overlapping, together covering `0..total`).
/// `out`: `[total_tokens, hidden]`, fully overwritten with softmax(Q·Kᵀ/√d)·V per text and head, heads concatenated.
///
/// Panics if the shapes disagree or the spans overlap or leave rows uncovered.
pub fn attention(qkv: &[f32], spans: &[(usize, usize)], heads: usize, hidden: usize, out: &mut [f32]) {
    attention_with(Isa::detect(), qkv, spans, heads, hidden, out);
}

/// `x[r] = LayerNorm(x[r] + residual[r]) · gamma + beta` for every row r of width `gamma.len()`; eps as in BERT (1e-12 typical).
/// `residual` may be None (plain layer norm). Statistics in f32 with a corrected two-pass variance (exact 0 for constant rows).
///
/// Panics if `x.len()` is not a multiple of the width or `beta`/`residual` do not match.
pub fn add_layer_norm(x: &mut [f32], residual: Option<&[f32]>, gamma: &[f32], beta: &[f32], eps: f32) {
    add_layer_norm_with(Isa::detect(), x, residual, gamma, beta, eps);
}

// ---------------------------------------------------------------------------------------------
// Instruction-set dispatch. The kernels are written once as `#[inline(always)]` generics over
// `FMA`; the x86-64 wrappers below compile that same body with AVX2 and fused multiply-add
// enabled, picked at run time: 1.5–2.5× faster than the SSE2 baseline a default build targets.
// Attention over long texts also has an AVX-512 build of the same body with a taller register
// tile; short texts stay on AVX2, where it wins.
// ---------------------------------------------------------------------------------------------

/// An instruction set the kernels can run with. `Avx2Fma` is only ever constructed by
/// [`Isa::available`] after the CPU was checked to support it, which is what makes calling the
/// `#[target_feature]` wrappers sound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Isa {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2Fma,
    /// AVX-512 F on top of AVX2 and FMA; only the attention kernel has a build for it, for long texts.
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

impl Isa {
    /// The best instruction set this CPU supports (std caches the CPUID queries).
    fn detect() -> Isa {
        *Isa::available().last().expect("the portable path is always available")
    }

    /// Every supported instruction set, from the portable baseline to the best.
    fn available() -> Vec<Isa> {
        #[allow(unused_mut)] // only mutated on x86-64
        let mut isas = vec![Isa::Portable];
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                isas.push(Isa::Avx2Fma);
                if is_x86_feature_detected!("avx512f") {
                    isas.push(Isa::Avx512);
                }
            }
        }
        isas
    }
}

/// `a * b + c`, fused into one rounding when the instruction set has FMA. (Without hardware FMA,
/// `f32::mul_add` would be a slow library call, hence the compile-time switch.)
#[inline(always)]
fn mul_add<const FMA: bool>(a: f32, b: f32, c: f32) -> f32 {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// Combines one register's worth of lanes as a tree: logarithmic rounding error for sums, and
/// shuffles instead of a serial chain.
#[inline(always)]
fn reduce_lanes(mut lanes: [f32; LANES], op: impl Fn(f32, f32) -> f32) -> f32 {
    let mut width = LANES / 2;
    while width > 0 {
        for l in 0..width {
            lanes[l] = op(lanes[l], lanes[l + width]);
        }
        width /= 2;
    }
    lanes[0]
}

/// e^x for x ≤ 88 with a relative error of a few 1e-7; results below f32::MIN_POSITIVE (and
/// x = -∞) give exactly 0 instead of a subnormal. Branch-free, so a loop over it vectorises,
/// which std's `exp` (a libm call) does not.
#[inline(always)]
fn exp_approx<const FMA: bool>(x: f32) -> f32 {
    /// ln(f32::MIN_POSITIVE): below it e^x is subnormal; flushed to 0 (irrelevant for softmax).
    const MIN_ARG: f32 = -87.336_55;
    /// Keeps 2^n representable (n ≤ 127).
    const MAX_ARG: f32 = 88.0;
    /// ln 2 split in two: LN2_HI has 9 significant bits, so n·LN2_HI is exact for |n| ≤ 127.
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    /// 1.5·2^23: adding it leaves round-to-nearest(y) in the low mantissa bits for |y| < 2^22.
    const ROUNDER: f32 = 12_582_912.0;

    let xc = x.clamp(MIN_ARG, MAX_ARG);
    // x = n·ln2 + r with integer n and |r| ≤ ln2/2, so e^x = 2^n · e^r.
    let shifted = mul_add::<FMA>(xc, std::f32::consts::LOG2_E, ROUNDER);
    let n = shifted - ROUNDER;
    let r = mul_add::<FMA>(-n, LN2_HI, xc);
    let r = mul_add::<FMA>(-n, LN2_LO, r);
    // Taylor series of e^r to degree 6: truncation error ≤ 0.35^7/7! ≈ 1.2e-7.
    let mut p = 1.0 / 720.0;
    p = mul_add::<FMA>(p, r, 1.0 / 120.0);
    p = mul_add::<FMA>(p, r, 1.0 / 24.0);
    p = mul_add::<FMA>(p, r, 1.0 / 6.0);
    p = mul_add::<FMA>(p, r, 0.5);
    p = mul_add::<FMA>(p, r, 1.0);
    p = mul_add::<FMA>(p, r, 1.0);
    // The integer n sits in the low bits of `shifted`; 2^n is built directly as exponent bits.
    let n_int = shifted.to_bits() as i32 - ROUNDER.to_bits() as i32;
    let two_to_n = f32::from_bits(((n_int + 127) << 23) as u32);
    if x < MIN_ARG {
        0.0
    } else {
        p * two_to_n
    }
}

// ---------------------------------------------------------------------------------------------
// Attention
// ---------------------------------------------------------------------------------------------

/// Shapes shared by every attention work item of one call.
struct Geometry {
    hidden: usize,
    head_dim: usize,
    /// 1/√head_dim, applied to the scores inside the softmax.
    scale: f32,
}

/// One attention work item: query rows `query_begin..query_end` (relative to the text) of one
/// head of one text, attending over the whole text.
struct Block {
    text_start: usize,
    text_len: usize,
    head: usize,
    query_begin: usize,
    query_end: usize,
}

/// Per-thread buffers of the attention kernel, kept across calls so no work item allocates once
/// the largest text has been seen.
#[derive(Default)]
struct Scratch {
    /// K of the text in panels of LANES keys, [key / LANES][k][key % LANES]; zero keys pad the
    /// last panel.
    key: Vec<f32>,
    /// V of the text in panels of LANES columns, [column / LANES][key][column % LANES]; zero
    /// columns pad the last panel.
    value: Vec<f32>,
    /// Scores, then unnormalised softmax weights, [query row][key]; rows padded to a whole tile,
    /// keys to LANES.
    scores: Vec<f32>,
    /// 1 / (sum of the weights) per query row.
    normalizers: Vec<f32>,
    /// Result rows of the block, [query row][column]; columns padded to LANES.
    output: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The `out` slice of [`attention`] shared by the parallel work items, each writing its own rows
/// of its own head's columns.
struct SharedOut {
    ptr: *mut f32,
    len: usize,
}

// SAFETY: sharing `SharedOut` between threads only shares a pointer into a `&mut [f32]` that
// outlives the parallel region and is not otherwise touched during it; the only access, `write`,
// requires its callers to keep concurrent ranges disjoint.
unsafe impl Sync for SharedOut {}

impl SharedOut {
    /// Copies `src` to `out[offset..offset + src.len()]`.
    ///
    /// # Safety
    /// No other thread may read or write that range while this runs.
    unsafe fn write(&self, offset: usize, src: &[f32]) {
        assert!(offset <= self.len && src.len() <= self.len - offset, "attention output write out of bounds");
        // SAFETY: the range is in bounds (checked above) and nobody else accesses it while this
        // reference lives (caller's contract); `src` lives in thread-local scratch, not in `out`.
        let dst = unsafe { std::slice::from_raw_parts_mut(self.ptr.add(offset), src.len()) };
        // Whole LANES-sized pieces compile to vector moves rather than a memcpy call per short row.
        let (src_pieces, src_tail) = src.as_chunks::<LANES>();
        let (dst_pieces, dst_tail) = dst.as_chunks_mut::<LANES>();
        for (d, s) in dst_pieces.iter_mut().zip(src_pieces) {
            *d = *s;
        }
        if !src_tail.is_empty() {
            dst_tail.copy_from_slice(src_tail);
        }
    }
}

fn attention_with(isa: Isa, qkv: &[f32], spans: &[(usize, usize)], heads: usize, hidden: usize, out: &mut [f32]) {
    assert!(
        hidden > 0 && heads > 0 && hidden.is_multiple_of(heads),
        "hidden ({hidden}) must be a positive multiple of heads ({heads})"
    );
    let row_width = 3 * hidden;
    assert!(qkv.len().is_multiple_of(row_width), "qkv length is not a multiple of 3*hidden");
    let total = qkv.len() / row_width;
    assert_eq!(out.len(), total * hidden, "out must be [total_tokens, hidden]");
    check_spans(spans, total);

    let head_dim = hidden / heads;
    let geometry = Geometry { hidden, head_dim, scale: 1.0 / (head_dim as f32).sqrt() };
    // Query blocks depend only on the text's own length, so a text's result does not depend on
    // which other texts share the batch.
    let mut blocks = Vec::new();
    for &(text_start, text_len) in spans.iter().filter(|span| span.1 > 0) {
        for head in 0..heads {
            for query_begin in (0..text_len).step_by(ITEM_ROWS) {
                let query_end = (query_begin + ITEM_ROWS).min(text_len);
                blocks.push(Block { text_start, text_len, head, query_begin, query_end });
            }
        }
    }

    let shared_out = SharedOut { ptr: out.as_mut_ptr(), len: out.len() };
    blocks.par_iter().for_each(|block| {
        SCRATCH.with_borrow_mut(|scratch| {
            attend_block(isa, qkv, &geometry, block, scratch);
            let padded_dim = head_dim.next_multiple_of(LANES);
            let rows = scratch.output.chunks_exact(padded_dim);
            for (query, row) in (block.query_begin..block.query_end).zip(rows) {
                let offset = (block.text_start + query) * hidden + block.head * head_dim;
                // SAFETY: this range is row `text_start + query`, columns of `block.head`. Spans
                // are disjoint (check_spans), each (text, head, query row) belongs to exactly one
                // block, and nothing else touches `out` until `for_each` returns, so no other
                // thread accesses it.
                unsafe { shared_out.write(offset, &row[..head_dim]) };
            }
        });
    });
}

/// Asserts that the non-empty spans tile `0..total` exactly: in bounds, no overlaps, no gaps.
/// The parallel writes in [`attention_with`] rely on this.
fn check_spans(spans: &[(usize, usize)], total: usize) {
    let mut sorted: Vec<(usize, usize)> = spans.iter().copied().filter(|span| span.1 > 0).collect();
    sorted.sort_unstable();
    let mut covered = 0;
    for (start, len) in sorted {
        assert_eq!(start, covered, "spans must cover rows 0..{total} without gaps or overlaps");
        covered = start.checked_add(len).expect("span end overflows");
    }
    assert_eq!(covered, total, "spans must cover rows 0..{total} without gaps or overlaps");
}

/// Runs one work item with the given instruction set, leaving its rows in `scratch.output`.
fn attend_block(isa: Isa, qkv: &[f32], geometry: &Geometry, block: &Block, scratch: &mut Scratch) {
    match isa {
        Isa::Portable => attend_block_impl::<LaneTiles<false>, PORTABLE_ROWS>(qkv, geometry, block, scratch),
        // SAFETY: `Isa::Avx2Fma` exists only if the CPU supports AVX2 and FMA (see `Isa`).
        #[cfg(target_arch = "x86_64")]
        Isa::Avx2Fma => unsafe { attend_block_avx2(qkv, geometry, block, scratch) },
        // SAFETY: `Isa::Avx512` exists only if the CPU supports AVX-512 F, AVX2 and FMA (see `Isa`).
        #[cfg(target_arch = "x86_64")]
        Isa::Avx512 if block.text_len >= AVX512_MIN_TOKENS => unsafe { attend_block_avx512(qkv, geometry, block, scratch) },
        // SAFETY: as above; AVX-512 implies AVX2 and FMA here.
        #[cfg(target_arch = "x86_64")]
        Isa::Avx512 => unsafe { attend_block_avx2(qkv, geometry, block, scratch) },
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn attend_block_avx2(qkv: &[f32], geometry: &Geometry, block: &Block, scratch: &mut Scratch) {
    attend_block_impl::<LaneTiles<true>, AVX2_ROWS>(qkv, geometry, block, scratch);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn attend_block_avx512(qkv: &[f32], geometry: &Geometry, block: &Block, scratch: &mut Scratch) {
    attend_block_impl::<Avx512Tiles, AVX512_ROWS>(qkv, geometry, block, scratch);
}

/// Clears `buffer` and makes it `len` zeros (zeros are the padding the micro-kernels rely on).
#[inline(always)]
fn reset_zeroed(buffer: &mut Vec<f32>, len: usize) {
    buffer.clear();
    buffer.resize(len, 0.0);
}

/// softmax(Q·Kᵀ/√d)·V for one work item, leaving its rows in `scratch.output`: packs the head's K
/// and V once, then runs the item's query rows a block at a time. The heavy loops are ROWS×LANES
/// register-tile products: ROWS query rows at a time, so every K or V vector loaded is reused ROWS
/// times while the accumulators stay in registers. Padding to whole tiles means no loop has a tail.
#[inline(always)]
fn attend_block_impl<T: TileProducts, const ROWS: usize>(
    qkv: &[f32],
    geometry: &Geometry,
    block: &Block,
    scratch: &mut Scratch,
) {
    let Geometry { hidden, head_dim: dim, scale } = *geometry;
    let row_width = 3 * hidden;
    let len = block.text_len;
    let rows = block.query_end - block.query_begin;
    let padded_len = len.next_multiple_of(LANES);
    let padded_dim = dim.next_multiple_of(LANES);
    let text = &qkv[block.text_start * row_width..][..len * row_width];
    let q_column = block.head * dim;
    let k_column = hidden + q_column;
    let v_column = 2 * hidden + q_column;
    let Scratch { key, value, scores, normalizers, output } = scratch;

    // K transposed into panels (layout at `Scratch::key`): one vector load then gives the k-th
    // component of LANES consecutive keys.
    reset_zeroed(key, padded_len * dim);
    for (j, text_row) in text.chunks_exact(row_width).enumerate() {
        let panel = &mut key[(j / LANES) * LANES * dim..][..LANES * dim];
        for (k, &x) in text_row[k_column..][..dim].iter().enumerate() {
            panel[k * LANES + j % LANES] = x;
        }
    }
    // V regrouped into panels of LANES columns (layout at `Scratch::value`), zero-padded so a
    // head size that is not a multiple of LANES needs no tail loop.
    reset_zeroed(value, padded_dim * len);
    let (value_panels, _) = value.as_chunks_mut::<LANES>();
    for (j, text_row) in text.chunks_exact(row_width).enumerate() {
        let (pieces, tail) = text_row[v_column..][..dim].as_chunks::<LANES>();
        for (c, piece) in pieces.iter().enumerate() {
            value_panels[c * len + j] = *piece;
        }
        if !tail.is_empty() {
            value_panels[pieces.len() * len + j][..tail.len()].copy_from_slice(tail);
        }
    }

    // The item's rows in blocks of QUERY_BLOCK, each padded to whole tiles; a block's output rows
    // start at its first row's place in `output`.
    output.resize(rows.next_multiple_of(QUERY_BLOCK) * padded_dim, 0.0);
    for block_begin in (0..rows).step_by(QUERY_BLOCK) {
        let block_rows = (rows - block_begin).min(QUERY_BLOCK);
        let first_query = block.query_begin + block_begin;
        let block_output = &mut output[block_begin * padded_dim..][..block_rows.next_multiple_of(ROWS) * padded_dim];
        let queries = QueryRows { text, row_width, first_query, rows: block_rows, column: q_column, dim };
        attend_query_block::<T, ROWS>(&queries, key, value, len, scale, scores, normalizers, block_output);
    }
}

/// The query rows of one block: rows `first_query..first_query + rows` of the text, columns
/// `column..column + dim` of each.
struct QueryRows<'a> {
    text: &'a [f32],
    row_width: usize,
    first_query: usize,
    rows: usize,
    column: usize,
    dim: usize,
}

/// softmax(Q·Kᵀ/√d)·V for one block of query rows against the packed K and V of its text and head,
/// written to `output` ([row][column], columns padded to LANES, rows to a whole tile).
#[inline(always)]
#[allow(clippy::too_many_arguments)] // the packed operands and the scratch buffers the block reuses
fn attend_query_block<T: TileProducts, const ROWS: usize>(
    queries: &QueryRows,
    key: &[f32],
    value: &[f32],
    len: usize,
    scale: f32,
    scores: &mut Vec<f32>,
    normalizers: &mut Vec<f32>,
    output: &mut [f32],
) {
    let QueryRows { text, row_width, first_query, rows, column, dim } = *queries;
    let padded_len = len.next_multiple_of(LANES);
    let padded_dim = dim.next_multiple_of(LANES);
    let padded_rows = rows.next_multiple_of(ROWS);

    // Raw scores q·k; the 1/√d scale is applied in the softmax. Query rows are read straight from
    // `qkv` (each value is broadcast, so no packing is needed); a partial last tile repeats the
    // last row and the extra results are never used.
    scores.resize(padded_rows * padded_len, 0.0);
    let (key_panels, _) = key.as_chunks::<LANES>();
    for (tile, score_rows) in scores.chunks_exact_mut(ROWS * padded_len).enumerate() {
        let queries: [&[f32]; ROWS] = std::array::from_fn(|r| {
            let i = (tile * ROWS + r).min(rows - 1);
            &text[(first_query + i) * row_width + column..][..dim]
        });
        T::scores(&queries, key_panels, score_rows, padded_len);
    }

    // One normaliser per row of the last tile too; rows past `rows` are never read back.
    reset_zeroed(normalizers, padded_rows);
    for (row, normalizer) in scores.chunks_exact_mut(padded_len).zip(normalizers.iter_mut()).take(rows) {
        *normalizer = T::softmax(row, len, scale);
    }

    // Output rows: weighted sums of V rows over ROWS×LANES tiles, then scaled by 1 / Σ weights.
    let (value_panels, _) = value.as_chunks::<LANES>();
    let tiles = scores.chunks_exact(ROWS * padded_len).zip(normalizers.as_chunks::<ROWS>().0);
    for ((weight_rows, tile_normalizers), out_rows) in tiles.zip(output.chunks_exact_mut(ROWS * padded_dim)) {
        let weights: [&[f32]; ROWS] = std::array::from_fn(|r| &weight_rows[r * padded_len..][..len]);
        T::outputs(&weights, value_panels, tile_normalizers, out_rows, padded_dim);
    }
}

/// The two register-tile products of the attention kernel, one implementation per instruction set.
/// Both take ROWS rows at a time, so every K or V vector loaded serves ROWS rows while the
/// accumulators stay in registers.
trait TileProducts {
    /// [`softmax_row`], fusing multiply-adds where the instruction set has them.
    fn softmax(row: &mut [f32], len: usize, scale: f32) -> f32;

    /// Raw scores of ROWS query rows (each `dim` long) against every key panel (`key_panels`: one
    /// panel is `dim` vectors of LANES keys), into `score_rows` (rows `padded_len` apart).
    fn scores<const ROWS: usize>(queries: &[&[f32]; ROWS], key_panels: &[[f32; LANES]], score_rows: &mut [f32], padded_len: usize);

    /// Σ_j weight·value of ROWS rows (each `len` weights) over every value panel (`value_panels`:
    /// one panel is `len` vectors of LANES columns), scaled by the row's normaliser, into
    /// `out_rows` (rows `padded_dim` apart).
    fn outputs<const ROWS: usize>(
        weights: &[&[f32]; ROWS],
        value_panels: &[[f32; LANES]],
        normalizers: &[f32; ROWS],
        out_rows: &mut [f32],
        padded_dim: usize,
    );
}

/// The products as plain loops over LANES-wide rows, which the compiler vectorises for whatever
/// instruction set the calling function enables (SSE2, or AVX2 with `FMA`).
struct LaneTiles<const FMA: bool>;

impl<const FMA: bool> TileProducts for LaneTiles<FMA> {
    #[inline(always)]
    fn softmax(row: &mut [f32], len: usize, scale: f32) -> f32 {
        softmax_row::<FMA>(row, len, scale)
    }

    #[inline(always)]
    fn scores<const ROWS: usize>(queries: &[&[f32]; ROWS], key_panels: &[[f32; LANES]], score_rows: &mut [f32], padded_len: usize) {
        let dim = queries[0].len();
        for (c, key_panel) in key_panels.chunks_exact(dim).enumerate() {
            let mut acc = [[0.0f32; LANES]; ROWS];
            for (k, keys) in key_panel.iter().enumerate() {
                for r in 0..ROWS {
                    let q = queries[r][k];
                    for l in 0..LANES {
                        acc[r][l] = mul_add::<FMA>(q, keys[l], acc[r][l]);
                    }
                }
            }
            for (r, tile_row) in acc.iter().enumerate() {
                score_rows[r * padded_len + c * LANES..][..LANES].copy_from_slice(tile_row);
            }
        }
    }

    #[inline(always)]
    fn outputs<const ROWS: usize>(
        weights: &[&[f32]; ROWS],
        value_panels: &[[f32; LANES]],
        normalizers: &[f32; ROWS],
        out_rows: &mut [f32],
        padded_dim: usize,
    ) {
        let len = weights[0].len();
        for (c, value_panel) in value_panels.chunks_exact(len).enumerate() {
            let mut acc = [[0.0f32; LANES]; ROWS];
            for (j, values) in value_panel.iter().enumerate() {
                for r in 0..ROWS {
                    let w = weights[r][j];
                    for l in 0..LANES {
                        acc[r][l] = mul_add::<FMA>(w, values[l], acc[r][l]);
                    }
                }
            }
            for (r, (tile_row, &normalizer)) in acc.iter().zip(normalizers).enumerate() {
                let out = &mut out_rows[r * padded_dim + c * LANES..][..LANES];
                for (o, &a) in out.iter_mut().zip(tile_row) {
                    *o = a * normalizer;
                }
            }
        }
    }
}

/// The products with AVX-512 intrinsics, two panels (32 keys or columns) per tile: ROWS × 2
/// accumulators, and each broadcast query value or weight meets two vector loads. (The plain loops
/// of `LaneTiles` with two panels were not kept in registers by the compiler: 10× slower.)
///
/// Only `attend_block_avx512` uses it, which runs only where the CPU has AVX-512 F.
#[cfg(target_arch = "x86_64")]
struct Avx512Tiles;

#[cfg(target_arch = "x86_64")]
impl TileProducts for Avx512Tiles {
    #[inline(always)]
    fn softmax(row: &mut [f32], len: usize, scale: f32) -> f32 {
        softmax_row::<true>(row, len, scale)
    }

    #[inline(always)]
    fn scores<const ROWS: usize>(queries: &[&[f32]; ROWS], key_panels: &[[f32; LANES]], score_rows: &mut [f32], padded_len: usize) {
        let dim = queries[0].len();
        let panels = key_panels.len() / dim;
        for c in (0..panels).step_by(2) {
            let first = c * dim;
            // SAFETY: `Avx512Tiles` runs only inside `attend_block_avx512`, on a CPU with AVX-512 F.
            unsafe {
                if c + 1 < panels {
                    tile_product_avx512::<ROWS, 2>(queries, &key_panels[first..][..2 * dim], None, score_rows, padded_len, c);
                } else {
                    tile_product_avx512::<ROWS, 1>(queries, &key_panels[first..][..dim], None, score_rows, padded_len, c);
                }
            }
        }
    }

    #[inline(always)]
    fn outputs<const ROWS: usize>(
        weights: &[&[f32]; ROWS],
        value_panels: &[[f32; LANES]],
        normalizers: &[f32; ROWS],
        out_rows: &mut [f32],
        padded_dim: usize,
    ) {
        let len = weights[0].len();
        let panels = value_panels.len() / len;
        for c in (0..panels).step_by(2) {
            let first = c * len;
            // SAFETY: as in `scores`.
            unsafe {
                if c + 1 < panels {
                    let values = &value_panels[first..][..2 * len];
                    tile_product_avx512::<ROWS, 2>(weights, values, Some(normalizers), out_rows, padded_dim, c);
                } else {
                    let values = &value_panels[first..][..len];
                    tile_product_avx512::<ROWS, 1>(weights, values, Some(normalizers), out_rows, padded_dim, c);
                }
            }
        }
    }
}

/// Σ_k lhs[r][k] · panel p's k-th vector for ROWS rows of `lhs` (each `depth` long) and PANELS consecutive panels
/// (`panels`: PANELS × depth vectors of LANES), each row times its scale where `scales` gives them, written to columns
/// `first_panel * LANES ..` of `out` (rows `stride` apart). The scores are this with the queries and key panels, the
/// outputs with the softmax weights, value panels and normalisers.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
#[inline]
fn tile_product_avx512<const ROWS: usize, const PANELS: usize>(
    lhs: &[&[f32]; ROWS],
    panels: &[[f32; LANES]],
    scales: Option<&[f32; ROWS]>,
    out: &mut [f32],
    stride: usize,
    first_panel: usize,
) {
    use std::arch::x86_64::*;
    let depth = lhs[0].len();
    assert!(panels.len() == PANELS * depth && lhs.iter().all(|row| row.len() == depth), "attention tile shapes disagree");
    let panels = panels.as_ptr().cast::<f32>();
    let mut acc = [[_mm512_setzero_ps(); PANELS]; ROWS];
    for k in 0..depth {
        // SAFETY: panel p's k-th vector is `panels[p * depth + k]`, in bounds by the assert above.
        let vectors: [__m512; PANELS] = std::array::from_fn(|p| unsafe { _mm512_loadu_ps(panels.add((p * depth + k) * LANES)) });
        for r in 0..ROWS {
            // SAFETY: k < depth = lhs[r].len() (assert above).
            let a = _mm512_set1_ps(unsafe { *lhs[r].get_unchecked(k) });
            for p in 0..PANELS {
                acc[r][p] = _mm512_fmadd_ps(a, vectors[p], acc[r][p]);
            }
        }
    }
    for (r, row_acc) in acc.iter().enumerate() {
        for (p, &tile_row) in row_acc.iter().enumerate() {
            let dst = &mut out[r * stride + (first_panel + p) * LANES..][..LANES];
            let value = match scales {
                Some(scales) => _mm512_mul_ps(tile_row, _mm512_set1_ps(scales[r])),
                None => tile_row,
            };
            // SAFETY: `dst` holds exactly LANES floats.
            unsafe { _mm512_storeu_ps(dst.as_mut_ptr(), value) };
        }
    }
}

/// Turns the raw scores `row[..len]` into the unnormalised weights exp(scale · (score − max)) in
/// place and returns 1 / their sum, which the caller applies to the (shorter) output row instead.
/// `row.len()` is a multiple of LANES; the padding past `len` is set to -∞ first so whole-register
/// loops give it weight 0.
#[inline(always)]
fn softmax_row<const FMA: bool>(row: &mut [f32], len: usize, scale: f32) -> f32 {
    row[len..].fill(f32::NEG_INFINITY);
    let (chunks, _) = row.as_chunks_mut::<LANES>();
    // Comparison-select rather than f32::max: a plain vector max, NaN handling does not matter here.
    let greater = |a: f32, b: f32| if a > b { a } else { b };
    let mut lane_max = [f32::NEG_INFINITY; LANES];
    for chunk in chunks.iter() {
        for l in 0..LANES {
            lane_max[l] = greater(chunk[l], lane_max[l]);
        }
    }
    let offset = -reduce_lanes(lane_max, greater) * scale;
    let mut lane_sum = [0.0f32; LANES];
    for chunk in chunks.iter_mut() {
        for l in 0..LANES {
            let e = exp_approx::<FMA>(mul_add::<FMA>(chunk[l], scale, offset));
            chunk[l] = e;
            lane_sum[l] += e;
        }
    }
    1.0 / reduce_lanes(lane_sum, |a, b| a + b)
}

// ---------------------------------------------------------------------------------------------
// Layer norm
// ---------------------------------------------------------------------------------------------

fn add_layer_norm_with(isa: Isa, x: &mut [f32], residual: Option<&[f32]>, gamma: &[f32], beta: &[f32], eps: f32) {
    let width = gamma.len();
    assert!(width > 0, "layer norm width must be positive");
    assert_eq!(beta.len(), width, "beta and gamma differ in length");
    assert!(x.len().is_multiple_of(width), "x length is not a multiple of the row width");
    let chunk = width * NORM_ROWS_PER_TASK;
    match residual {
        Some(residual) => {
            assert_eq!(residual.len(), x.len(), "residual and x differ in length");
            x.par_chunks_mut(chunk)
                .zip(residual.par_chunks(chunk))
                .for_each(|(rows, residual_rows)| normalize_rows(isa, rows, Some(residual_rows), gamma, beta, eps));
        }
        None => x.par_chunks_mut(chunk).for_each(|rows| normalize_rows(isa, rows, None, gamma, beta, eps)),
    }
}

fn normalize_rows(isa: Isa, rows: &mut [f32], residual: Option<&[f32]>, gamma: &[f32], beta: &[f32], eps: f32) {
    match isa {
        Isa::Portable => normalize_rows_impl::<false>(rows, residual, gamma, beta, eps),
        // SAFETY: `Isa::Avx2Fma` and `Isa::Avx512` exist only if the CPU supports AVX2 and FMA (see `Isa`).
        #[cfg(target_arch = "x86_64")]
        Isa::Avx2Fma | Isa::Avx512 => unsafe { normalize_rows_avx2(rows, residual, gamma, beta, eps) },
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn normalize_rows_avx2(rows: &mut [f32], residual: Option<&[f32]>, gamma: &[f32], beta: &[f32], eps: f32) {
    normalize_rows_impl::<true>(rows, residual, gamma, beta, eps);
}

#[inline(always)]
fn normalize_rows_impl<const FMA: bool>(
    rows: &mut [f32],
    residual: Option<&[f32]>,
    gamma: &[f32],
    beta: &[f32],
    eps: f32,
) {
    let width = gamma.len();
    for (i, row) in rows.chunks_exact_mut(width).enumerate() {
        let row_residual = residual.map(|residual| &residual[i * width..][..width]);
        normalize_row::<FMA>(row, row_residual, gamma, beta, eps);
    }
}

/// Corrected two-pass statistics: the centred pass also sums the deviations, whose total is the
/// rounding error of the first mean. Taking it out makes constant rows exactly constant (so they
/// map to `beta`, not to rounding noise amplified by 1/√eps) and keeps rows whose mean is large
/// compared to their spread accurate.
#[inline(always)]
fn normalize_row<const FMA: bool>(row: &mut [f32], residual: Option<&[f32]>, gamma: &[f32], beta: &[f32], eps: f32) {
    let n = row.len() as f32;
    let sum = match residual {
        Some(residual) => add_and_sum(row, residual),
        None => {
            let (chunks, tail) = row.as_chunks::<LANES>();
            let mut lanes = [0.0f32; LANES];
            for chunk in chunks {
                for l in 0..LANES {
                    lanes[l] += chunk[l];
                }
            }
            reduce_lanes(lanes, |a, b| a + b) + tail.iter().sum::<f32>()
        }
    };
    let rough_mean = sum / n;

    let (chunks, tail) = row.as_chunks::<LANES>();
    let mut dev_lanes = [0.0f32; LANES];
    let mut sq_lanes = [0.0f32; LANES];
    for chunk in chunks {
        for l in 0..LANES {
            let dev = chunk[l] - rough_mean;
            dev_lanes[l] += dev;
            sq_lanes[l] = mul_add::<FMA>(dev, dev, sq_lanes[l]);
        }
    }
    let (mut dev_sum, mut sq_sum) = (reduce_lanes(dev_lanes, |a, b| a + b), reduce_lanes(sq_lanes, |a, b| a + b));
    for &x in tail {
        let dev = x - rough_mean;
        dev_sum += dev;
        sq_sum = mul_add::<FMA>(dev, dev, sq_sum);
    }
    // mean = rough_mean + correction, but kept apart: x − rough_mean is exact for x near the
    // mean, so the centred values do not inherit the rounding of a large mean.
    let correction = dev_sum / n;
    let variance = ((sq_sum - dev_sum * correction) / n).max(0.0);
    let inv_std = 1.0 / (variance + eps).sqrt();

    for ((x, &g), &b) in row.iter_mut().zip(gamma).zip(beta) {
        *x = mul_add::<FMA>(((*x - rough_mean) - correction) * inv_std, g, b);
    }
}

/// row += residual, returning the sum of the new row (one read of each input).
#[inline(always)]
fn add_and_sum(row: &mut [f32], residual: &[f32]) -> f32 {
    let (chunks, tail) = row.as_chunks_mut::<LANES>();
    let (residual_chunks, residual_tail) = residual.as_chunks::<LANES>();
    let mut lanes = [0.0f32; LANES];
    for (chunk, residual_chunk) in chunks.iter_mut().zip(residual_chunks) {
        for l in 0..LANES {
            chunk[l] += residual_chunk[l];
            lanes[l] += chunk[l];
        }
    }
    let mut sum = reduce_lanes(lanes, |a, b| a + b);
    for (x, &r) in tail.iter_mut().zip(residual_tail) {
        *x += r;
        sum += *x;
    }
    sum
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::test_data::Rng;

    /// Straightforward attention in f64.
    fn reference_attention(qkv: &[f32], spans: &[(usize, usize)], heads: usize, hidden: usize) -> Vec<f64> {
        let d = hidden / heads;
        let total = qkv.len() / (3 * hidden);
        let at = |row: usize, col: usize| qkv[row * 3 * hidden + col] as f64;
        let mut out = vec![f64::NAN; total * hidden];
        for &(start, len) in spans {
            for h in 0..heads {
                for i in start..start + len {
                    let scores: Vec<f64> = (start..start + len)
                        .map(|j| {
                            (0..d).map(|k| at(i, h * d + k) * at(j, hidden + h * d + k)).sum::<f64>()
                                / (d as f64).sqrt()
                        })
                        .collect();
                    let max = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                    let weights: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
                    let total_weight: f64 = weights.iter().sum();
                    for k in 0..d {
                        let value: f64 =
                            (start..start + len).zip(&weights).map(|(j, w)| w * at(j, 2 * hidden + h * d + k)).sum();
                        out[i * hidden + h * d + k] = value / total_weight;
                    }
                }
            }
        }
        out
    }

    /// Packs texts of the given lengths, listing the spans in reverse order of their rows.
    fn packed_spans(lengths: &[usize]) -> (Vec<(usize, usize)>, usize) {
        let mut spans = Vec::new();
        let mut start = 0;
        for &len in lengths {
            spans.push((start, len));
            start += len;
        }
        spans.reverse();
        (spans, start)
    }

    fn max_abs_error(actual: &[f32], expected: &[f64]) -> f64 {
        assert_eq!(actual.len(), expected.len());
        actual.iter().zip(expected).map(|(&a, &e)| (a as f64 - e).abs()).fold(0.0, |m, x| {
            if x > m || x.is_nan() {
                x
            } else {
                m
            }
        })
    }

    /// Compares every instruction set with the f64 reference. Q and K are N(0, qk_scale²), so
    /// the scores q·k/√d have a standard deviation of about qk_scale²; V is N(0, 2²).
    fn check_attention(seed: u64, hidden: usize, heads: usize, qk_scale: f64) {
        let lengths = [1, 2, 7, 33, 128, 0, 5, 97];
        let (spans, total) = packed_spans(&lengths);
        let mut rng = Rng::new(seed);
        let mut qkv = rng.normals(total * 3 * hidden, 2.0);
        for row in qkv.chunks_exact_mut(3 * hidden) {
            for x in &mut row[..2 * hidden] {
                *x *= (qk_scale / 2.0) as f32;
            }
        }
        let expected = reference_attention(&qkv, &spans, heads, hidden);
        for isa in Isa::available() {
            let mut out = vec![f32::NAN; total * hidden];
            attention_with(isa, &qkv, &spans, heads, hidden, &mut out);
            let error = max_abs_error(&out, &expected);
            assert!(error < 1e-4, "{isa:?} hidden {hidden} heads {heads} qk_scale {qk_scale}: max abs error {error}");
        }
    }

    #[test]
    fn attention_matches_reference_bert_base_heads() {
        check_attention(1, 384, 12, 2.0);
    }

    #[test]
    fn attention_matches_reference_head_dim_16_and_64() {
        check_attention(2, 64, 4, 2.0);
        check_attention(3, 48, 3, 2.0);
    }

    #[test]
    fn attention_matches_reference_head_dim_not_multiple_of_tile() {
        // d = 24 leaves a partly padded column tile.
        check_attention(4, 72, 3, 2.0);
    }

    #[test]
    fn attention_is_stable_for_large_scores() {
        // Scores with a standard deviation of ~30 (extremes near ±150): exp would overflow
        // without the max subtraction and the softmax is nearly one-hot.
        check_attention(5, 384, 12, 5.5);
        check_attention(6, 48, 3, 5.5);
    }

    /// The AVX-512 kernel accumulates every score and output lane in the same order as the AVX2 one (one fused
    /// multiply-add per key or value, in key order) and shares the softmax, so it changes speed, not results.
    #[test]
    fn avx512_attention_is_bit_identical_to_avx2() {
        #[cfg(target_arch = "x86_64")]
        {
            let available = Isa::available();
            if !available.contains(&Isa::Avx512) {
                println!("no AVX-512 on this CPU; nothing to compare");
                return;
            }
            for (hidden, heads) in [(384, 12), (72, 3), (64, 4)] {
                let (spans, total) = packed_spans(&[300, 97, 48, 47, 5]);
                let qkv = Rng::new(8).normals(total * 3 * hidden, 2.0);
                let run = |isa| {
                    let mut out = vec![f32::NAN; total * hidden];
                    attention_with(isa, &qkv, &spans, heads, hidden, &mut out);
                    out
                };
                let (avx2, avx512) = (run(Isa::Avx2Fma), run(Isa::Avx512));
                let differing = avx2.iter().zip(&avx512).filter(|(a, b)| a.to_bits() != b.to_bits()).count();
                assert_eq!(differing, 0, "hidden {hidden} heads {heads}: {differing} values differ");
            }
        }
    }

    #[test]
    fn attention_of_a_text_does_not_depend_on_its_batch() {
        let (hidden, heads) = (384, 12);
        let lengths = [33, 7, 128, 1, 70];
        let (spans, total) = packed_spans(&lengths);
        let mut rng = Rng::new(7);
        let qkv = rng.normals(total * 3 * hidden, 2.0);
        let mut packed = vec![0.0; total * hidden];
        attention(&qkv, &spans, heads, hidden, &mut packed);
        for &(start, len) in &spans {
            let alone_qkv = &qkv[start * 3 * hidden..(start + len) * 3 * hidden];
            let mut alone = vec![0.0; len * hidden];
            attention(alone_qkv, &[(0, len)], heads, hidden, &mut alone);
            let packed_rows = &packed[start * hidden..(start + len) * hidden];
            for (a, p) in alone.iter().zip(packed_rows) {
                assert!((a - p).abs() <= 1e-6, "text at {start} (len {len}): alone {a} vs packed {p}");
            }
        }
    }

    /// Attention throughput per instruction set at the length sweep's text lengths (hidden 384, 12 heads, about
    /// 4,000 tokens a call). A measurement, not a check: run by hand,
    /// `cargo test --release --lib attention_throughput -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement run by hand; timings are never asserted"]
    fn attention_throughput() {
        let (hidden, heads) = (384, 12);
        for text_len in [25, 86, 250, 484] {
            let lengths = vec![text_len; (4000 / text_len).max(1)];
            let (spans, total) = packed_spans(&lengths);
            let qkv = Rng::new(11).normals(total * 3 * hidden, 1.0);
            let mut out = vec![0.0; total * hidden];
            let mut line = format!("attention, texts of {text_len} tokens:");
            for isa in Isa::available() {
                attention_with(isa, &qkv, &spans, heads, hidden, &mut out);
                let repeats = 20;
                let started = std::time::Instant::now();
                for _ in 0..repeats {
                    attention_with(isa, &qkv, &spans, heads, hidden, &mut out);
                }
                let seconds = started.elapsed().as_secs_f64() / repeats as f64;
                line += &format!(" {isa:?} {:.0} tokens/s", total as f64 / seconds);
            }
            println!("{line}");
        }
    }

    #[test]
    #[should_panic(expected = "without gaps or overlaps")]
    fn attention_rejects_overlapping_spans() {
        let qkv = vec![0.0; 4 * 3 * 8];
        let mut out = vec![0.0; 4 * 8];
        attention(&qkv, &[(0, 3), (2, 2)], 2, 8, &mut out);
    }

    #[test]
    #[should_panic(expected = "without gaps or overlaps")]
    fn attention_rejects_uncovered_rows() {
        let qkv = vec![0.0; 4 * 3 * 8];
        let mut out = vec![0.0; 4 * 8];
        attention(&qkv, &[(0, 3)], 2, 8, &mut out);
    }

    fn reference_layer_norm(x: &[f32], residual: Option<&[f32]>, gamma: &[f32], beta: &[f32], eps: f32) -> Vec<f64> {
        let width = gamma.len();
        let mut out = Vec::with_capacity(x.len());
        for (i, row) in x.chunks(width).enumerate() {
            let values: Vec<f64> = row
                .iter()
                .enumerate()
                .map(|(k, &v)| v as f64 + residual.map_or(0.0, |r| r[i * width + k] as f64))
                .collect();
            let mean = values.iter().sum::<f64>() / width as f64;
            let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / width as f64;
            let inv_std = 1.0 / (variance + eps as f64).sqrt();
            out.extend(
                values.iter().zip(gamma).zip(beta).map(|((v, &g), &b)| (v - mean) * inv_std * g as f64 + b as f64),
            );
        }
        out
    }

    #[test]
    fn layer_norm_matches_reference() {
        let mut rng = Rng::new(11);
        for width in [384, 7] {
            let rows = 37;
            let gamma = rng.normals(width, 1.0);
            let beta = rng.normals(width, 1.0);
            let mut x = rng.normals(rows * width, 3.0);
            // Rows whose mean is large compared to their spread test the cancellation-safe
            // statistics: without the correction the rounding of the mean alone would be
            // ~3e-5, i.e. 0.3% and 30% of these standard deviations.
            for v in &mut x[..width] {
                *v += 1000.0;
            }
            for (row, spread) in [(3, 1e-2), (4, 1e-4)] {
                for v in &mut x[row * width..][..width] {
                    *v = 1000.0 + *v / 3.0 * spread;
                }
            }
            // Constant rows, with and without the residual making them constant.
            x[width..2 * width].fill(0.7);
            let mut residual = rng.normals(rows * width, 1.0);
            residual[width..2 * width].fill(0.0);
            residual[3 * width..5 * width].fill(0.0);
            for k in 0..width {
                // Both exact in f32, so x + residual is exactly 0.25.
                x[2 * width + k] = 0.25 + k as f32;
                residual[2 * width + k] = -(k as f32);
            }
            for isa in Isa::available() {
                for res in [None, Some(residual.as_slice())] {
                    let expected = reference_layer_norm(&x, res, &gamma, &beta, 1e-12);
                    let mut actual = x.clone();
                    add_layer_norm_with(isa, &mut actual, res, &gamma, &beta, 1e-12);
                    let error = max_abs_error(&actual, &expected);
                    assert!(error < 1e-4, "{isa:?} width {width} residual {}: max abs error {error}", res.is_some());
                    assert_eq!(&actual[width..2 * width], &beta[..], "{isa:?}: constant row must map to beta");
                    if res.is_some() {
                        assert_eq!(
                            &actual[2 * width..3 * width],
                            &beta[..],
                            "{isa:?}: constant x + residual must map to beta"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn exp_is_accurate_on_softmax_range() {
        for fma in [false, true] {
            let exp = |x: f32| {
                if fma {
                    exp_approx::<true>(x)
                } else {
                    exp_approx::<false>(x)
                }
            };
            let mut worst = 0.0f64;
            let steps = 2_000_000;
            for i in 0..=steps {
                let x = -87.0 * i as f32 / steps as f32;
                let exact = (x as f64).exp();
                worst = worst.max(((exp(x) as f64 - exact) / exact).abs());
            }
            assert!(worst < 1e-6, "fma {fma}: relative error {worst}");
            assert_eq!(exp(0.0), 1.0);
            for x in [-87.5, -100.0, -1e4, -1e30, f32::MIN, f32::NEG_INFINITY] {
                assert_eq!(exp(x), 0.0, "exp({x})");
            }
        }
    }
}
