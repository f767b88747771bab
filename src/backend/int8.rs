//! Int8 quantized linear layer for running a BERT encoder on CPU: `y = epilogue(x·Wᵀ + b)` with
//! per-channel int8 weights, per-row dynamic int8 activations and an AVX-512 VNNI micro-kernel.
//!
//! Where the CPU has AMX-INT8 tiles (and the kernel lets this process use them) the integer
//! products run on the tiles instead ([`amx`]); without AVX-512 VNNI a portable integer kernel runs.
//! All three give bit-identical results.
//!
//! Numerics, in the order they happen:
//! * Weights (once, in [`QuantizedLinear::new`]): per output channel `n`,
//!   `scale_n = max_k |w[n,k]| / 127` and `q_w = round_even(w · (127 / max_k |w[n,k]|))`,
//!   clamped to ±127.
//! * Activations (every forward): per row `m`, `s_m = max_k |x[m,k]| / 127` and
//!   `q_a = round_even(x · (127 / max_k |x[m,k]|))`, clamped to ±127, stored as the byte
//!   `q_a + 128` because `vpdpbusd` multiplies unsigned by signed bytes.
//! * Product: `acc = Σ_k (q_a + 128)·q_w − 128·Σ_k q_w = Σ_k q_a·q_w` in i32, exactly.
//! * Output: `y = (acc as f32) · (scale_n · s_m) + b_n`, then the [`Epilogue`].
//!
//! A row or channel whose largest magnitude is zero (or so small that `127 / max` overflows) gets
//! scale 0, so it contributes exactly nothing. Inputs must be finite.

use rayon::prelude::*;
use super::buffer::written_by;

#[cfg(target_arch = "x86_64")]
mod amx;

/// Output channels per 16-lane block: one zmm of i32 accumulators.
const LANES: usize = 16;
/// Reduction values consumed per lane by one `vpdpbusd`; K is zero-padded to a multiple of it.
const K_STEP: usize = 4;
/// Bytes of packed weights per (k-step, block): 16 channels × 4 k-values, one zmm.
const BLOCK_BYTES: usize = LANES * K_STEP;
/// Rows of the micro-kernel. `ROWS_MR × BLOCKS_NB` zmm accumulators + `BLOCKS_NB` weight
/// vectors + 1 broadcast must fit the 32 zmm registers.
const ROWS_MR: usize = 8;
/// 16-channel blocks per weight panel, i.e. the micro-kernel is `ROWS_MR × (16·BLOCKS_NB)`.
const BLOCKS_NB: usize = 3;
/// Output channels per panel.
const PANEL_COLS: usize = BLOCKS_NB * LANES;
/// Upper bound on rows per parallel work item, so one item's activations stay in L2.
const MAX_TILE_ROWS: usize = 64;
/// Rows of zero-point bytes kept after the last activation row, so a micro-kernel that always
/// reads whole 16-row tiles (AMX) stays in bounds on a partial last tile; their results are
/// never written out.
const READ_AHEAD_ROWS: usize = 15;
/// Zero point that turns a signed activation into the unsigned byte `vpdpbusd` expects.
const ZERO_POINT: i32 = 128;
/// Largest K for which `Σ_k (q_a + 128)·q_w` cannot overflow i32 (255·127 per term).
pub const MAX_IN_FEATURES: usize = i32::MAX as usize / (255 * 127);

/// What is applied to each output element after the integer product is rescaled to f32.
#[derive(Clone, Copy, Debug)]
pub enum Epilogue<'a> {
    /// y = x·Wᵀ + b
    Bias,
    /// y = gelu_erf(x·Wᵀ + b) = 0.5·v·(1 + erf(v/√2)), with erf to ~1.5e-7 absolute
    /// (Abramowitz–Stegun 7.1.26).
    BiasGelu,
    /// y = x·Wᵀ + b + residual[row, col]; `residual` has the output's shape `[rows, out]`.
    BiasResidual(&'a [f32]),
}

/// A linear layer `[in] → [out]` with int8 weights, evaluated with dynamically quantized int8
/// activations. See the module documentation for the exact numerics.
pub struct QuantizedLinear {
    in_features: usize,
    out_features: usize,
    /// K rounded up to whole k-steps, divided by [`K_STEP`].
    k_steps: usize,
    /// Weights as i8, panel by panel; panel `p` starts at `p · k_steps · PANEL_COLS · K_STEP` and
    /// holds, for each k-step, its blocks' 64-byte vectors (channel-major, 4 k-values per channel).
    /// Channels beyond `out_features` and k beyond `in_features` are zero.
    packed_weights: Vec<i8>,
    /// Per output channel, padded with zeros to whole 16-channel blocks.
    weight_scales: Vec<f32>,
    /// `128 · Σ_k q_w[n,k]`, what the zero point of the activations adds to the accumulator.
    zero_point_corrections: Vec<i32>,
    bias: Vec<f32>,
}

impl QuantizedLinear {
    /// Quantizes and packs `weight` (`[out, in]` row-major, the Hugging Face `nn.Linear` layout)
    /// and keeps `bias` (`[out]`).
    ///
    /// Panics if a slice length does not match the dimensions, if a dimension is zero, or if
    /// `in_features` exceeds 66 306 (the i32 accumulator bound).
    pub fn new(weight: &[f32], bias: &[f32], out_features: usize, in_features: usize) -> Self {
        assert!(out_features > 0 && in_features > 0, "QuantizedLinear: zero-sized layer");
        assert!(
            in_features <= MAX_IN_FEATURES,
            "QuantizedLinear: in_features {in_features} overflows the i32 accumulator"
        );
        assert_eq!(weight.len(), out_features * in_features, "QuantizedLinear::new: weight length");
        assert_eq!(bias.len(), out_features, "QuantizedLinear::new: bias length");

        let k_steps = in_features.div_ceil(K_STEP);
        let blocks = out_features.div_ceil(LANES);
        let padded_out = blocks * LANES;
        let mut packed_weights = vec![0i8; blocks * k_steps * BLOCK_BYTES];
        let mut weight_scales = vec![0.0f32; padded_out];
        let mut zero_point_corrections = vec![0i32; padded_out];
        let mut padded_bias = vec![0.0f32; padded_out];
        padded_bias[..out_features].copy_from_slice(bias);

        for (n, row) in weight.chunks_exact(in_features).enumerate() {
            let (scale, inv_scale) = symmetric_scale(max_abs(row));
            weight_scales[n] = scale;
            let panel = n / PANEL_COLS;
            let panel_blocks = blocks_in_panel(panel, blocks);
            let panel_start = panel * k_steps * PANEL_COLS * K_STEP;
            let lane = n % PANEL_COLS; // block-in-panel · 16 + channel-in-block
            let mut sum = 0i32;
            for (k, &w) in row.iter().enumerate() {
                let q = quantize(w, inv_scale);
                sum += q;
                let step = k / K_STEP;
                packed_weights[panel_start + step * panel_blocks * BLOCK_BYTES + lane * K_STEP + k % K_STEP] = q as i8;
            }
            zero_point_corrections[n] = ZERO_POINT * sum;
        }

        Self {
            in_features,
            out_features,
            k_steps,
            packed_weights,
            weight_scales,
            zero_point_corrections,
            bias: padded_bias,
        }
    }

    pub fn in_features(&self) -> usize {
        self.in_features
    }

    pub fn out_features(&self) -> usize {
        self.out_features
    }

    /// `out = epilogue(x·Wᵀ + b)` for `x`: `[rows, in]` row-major; `out`: `[rows, out]` row-major,
    /// fully overwritten (nothing to do for `rows == 0`). Runs on the current rayon pool; the
    /// result does not depend on its size.
    ///
    /// Panics if `x`, `out` or the residual of [`Epilogue::BiasResidual`] has the wrong length.
    pub fn forward(&self, x: &[f32], rows: usize, out: &mut [f32], epilogue: Epilogue<'_>) {
        self.forward_with(x, rows, out, epilogue, Isa::detect());
    }

    /// [`Self::forward`] on an explicitly chosen instruction set (tests compare the two).
    fn forward_with(&self, x: &[f32], rows: usize, out: &mut [f32], epilogue: Epilogue<'_>, isa: Isa) {
        assert_eq!(x.len(), rows * self.in_features, "QuantizedLinear::forward: x length");
        assert_eq!(out.len(), rows * self.out_features, "QuantizedLinear::forward: out length");
        if let Epilogue::BiasResidual(residual) = epilogue {
            assert_eq!(residual.len(), out.len(), "QuantizedLinear::forward: residual length");
        }
        if rows == 0 {
            return;
        }

        let isa = isa.for_layer(self.k_steps);
        let a_stride = self.k_steps * K_STEP;
        let panels = self.out_features.div_ceil(LANES).div_ceil(BLOCKS_NB);
        let plan = TilePlan::new(rows, panels, rayon::current_num_threads(), isa.micro_rows());
        // When work items share rows, quantize every row once up front; otherwise each item
        // quantizes its own rows, which saves a parallel pass and keeps them hot in cache.
        let shared_activations = (plan.col_tiles > 1).then(|| {
            let rows_per_item = (4096 / self.in_features).max(1); // ≥ 16 KiB of input per item
            QuantizedRows::new(rows, a_stride, |bytes, scales| {
                bytes
                    .par_chunks_mut(rows_per_item * a_stride)
                    .zip(scales.par_chunks_mut(rows_per_item))
                    .zip(x.par_chunks(rows_per_item * self.in_features))
                    .for_each(|((bytes, scales), x)| quantize_rows(x, self.in_features, bytes, scales, isa))
            })
        });
        let out_base = SharedMutPtr(out.as_mut_ptr());

        (0..plan.tiles()).into_par_iter().for_each(|tile| {
            let (row_range, panel_range) = plan.tile(tile);
            let own_activations;
            let (activations, row_scales) = match &shared_activations {
                Some(shared) => (&shared.bytes[row_range.start * a_stride..], &shared.scales[row_range.start..]),
                None => {
                    let x_rows = &x[row_range.start * self.in_features..row_range.end * self.in_features];
                    own_activations = QuantizedRows::new(row_range.len(), a_stride, |bytes, scales| {
                        quantize_rows(x_rows, self.in_features, bytes, scales, isa)
                    });
                    (&own_activations.bytes[..], &own_activations.scales[..])
                }
            };
            // SAFETY: the tiles of `plan` partition the output, so no other work item touches
            // this tile's part of `out`, which `forward_with` borrows mutably until all are done.
            unsafe {
                self.compute_tile(activations, row_scales, row_range, panel_range, out_base.get(), epilogue, isa)
            };
        });
    }

    /// Computes rows `row_range` × panels `panel_range` of the output; `activations` and
    /// `row_scales` start at the range's first row.
    ///
    /// # Safety
    /// `out` is the start of the `[rows, out_features]` output with `rows ≥ row_range.end`, whose
    /// elements in this tile nobody else accesses during the call; `panel_range` lies within the
    /// panels; `activations` holds `row_range.len() + READ_AHEAD_ROWS` rows of `4·k_steps` bytes
    /// and `row_scales` `row_range.len()` scales; `isa` is `Portable` or was detected on this CPU
    /// and fits the layer ([`Isa::for_layer`]).
    #[allow(clippy::too_many_arguments)]
    unsafe fn compute_tile(
        &self,
        activations: &[u8],
        row_scales: &[f32],
        row_range: std::ops::Range<usize>,
        panel_range: std::ops::Range<usize>,
        out: *mut f32,
        epilogue: Epilogue<'_>,
        isa: Isa,
    ) {
        let a_stride = self.k_steps * K_STEP;
        let out_stride = self.out_features;
        let blocks = self.out_features.div_ceil(LANES);
        let step_rows = isa.micro_rows();
        assert!(
            activations.len() >= (row_range.len() + READ_AHEAD_ROWS) * a_stride && row_scales.len() >= row_range.len()
        );
        let micro_tiles = panel_range.flat_map(|panel| {
            let col0 = panel * PANEL_COLS;
            let cols = (self.out_features - col0).min(PANEL_COLS);
            row_range.clone().step_by(step_rows).map(move |row0| {
                let rows = (row_range.end - row0).min(step_rows);
                let local_row = row0 - row_range.start;
                let offset = row0 * out_stride + col0;
                let finish = match epilogue {
                    Epilogue::Bias => Finish::Bias,
                    Epilogue::BiasGelu => Finish::BiasGelu,
                    Epilogue::BiasResidual(residual) => Finish::BiasResidual(residual[offset..].as_ptr()),
                };
                MicroTile {
                    rows,
                    blocks: blocks_in_panel(panel, blocks),
                    a: activations[local_row * a_stride..].as_ptr(),
                    a_stride,
                    row_scales: row_scales[local_row..].as_ptr(),
                    weights: self.packed_weights[panel * self.k_steps * PANEL_COLS * K_STEP..].as_ptr(),
                    k_steps: self.k_steps,
                    weight_scales: self.weight_scales[col0..].as_ptr(),
                    zero_point_corrections: self.zero_point_corrections[col0..].as_ptr(),
                    bias: self.bias[col0..].as_ptr(),
                    cols,
                    // SAFETY: offset < rows · out_stride since row0 < rows and col0 < out_features.
                    out: unsafe { out.add(offset) },
                    out_stride,
                    finish,
                }
            })
        });
        // SAFETY: the slices above hold each micro-tile's rows (asserted, with the read-ahead rows), its panel and
        // its channels' blocks; the output (and the residual, whose length the caller checked against the
        // output's) holds `cols` elements per row from `offset` on, and the caller guarantees exclusive access to
        // them; `isa` fits the layer (caller's contract).
        unsafe { run_micro_kernels(micro_tiles, isa) };
    }
}

/// Number of 16-channel blocks in `panel` (only the last panel may hold fewer than `BLOCKS_NB`).
fn blocks_in_panel(panel: usize, blocks: usize) -> usize {
    (blocks - panel * BLOCKS_NB).min(BLOCKS_NB)
}

/// Largest |x|, computed on the bit patterns so the reduction vectorizes (for finite floats the
/// order of the magnitude bits is the order of the magnitudes).
fn max_abs(values: &[f32]) -> f32 {
    f32::from_bits(values.iter().map(|v| v.to_bits() & 0x7fff_ffff).max().unwrap_or(0))
}

/// `(scale, 1/scale)` of symmetric int8 quantization for the largest magnitude `max_abs`; (0, 0)
/// when there is nothing to represent.
fn symmetric_scale(max_abs: f32) -> (f32, f32) {
    let inv_scale = 127.0 / max_abs;
    if max_abs > 0.0 && inv_scale.is_finite() {
        (max_abs / 127.0, inv_scale)
    } else {
        (0.0, 0.0)
    }
}

/// `round_even(value · inv_scale)` clamped to ±127.
///
/// Adding 1.5·2²³ leaves the rounded integer in the low mantissa bits (exact for magnitudes below
/// 2²², and |value · inv_scale| ≤ 127 here); unlike `f32::round_ties_even` this vectorizes without
/// SSE4.1.
#[inline(always)]
fn quantize(value: f32, inv_scale: f32) -> i32 {
    const ROUNDING_BIAS: f32 = 12_582_912.0;
    let shifted = value * inv_scale + ROUNDING_BIAS;
    (shifted.to_bits() as i32 - ROUNDING_BIAS.to_bits() as i32).clamp(-127, 127)
}

/// Quantizes one activation row into `bytes` (`q + 128`; the K padding gets the zero point) and
/// returns the row's scale.
#[inline(always)]
fn quantize_row(x: &[f32], bytes: &mut [u8]) -> f32 {
    let (scale, inv_scale) = symmetric_scale(max_abs(x));
    let (values, padding) = bytes.split_at_mut(x.len());
    for (byte, &v) in values.iter_mut().zip(x) {
        *byte = (quantize(v, inv_scale) + ZERO_POINT) as u8;
    }
    padding.fill(ZERO_POINT as u8);
    scale
}

/// The same code as [`quantize_row`], compiled for AVX-512 so the loops vectorize 16 wide.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
fn quantize_row_avx512(x: &[f32], bytes: &mut [u8]) -> f32 {
    quantize_row(x, bytes)
}

/// Quantized activations of consecutive rows: `stride` bytes and one scale per row, then
/// [`READ_AHEAD_ROWS`] rows of zero-point bytes.
struct QuantizedRows {
    bytes: Vec<u8>,
    scales: Vec<f32>,
}

impl QuantizedRows {
    /// `rows` rows of `stride` bytes and their scales, as `quantize` writes them (given the bytes and the scales).
    fn new(rows: usize, stride: usize, quantize: impl FnOnce(&mut [u8], &mut [f32])) -> Self {
        let mut scales = Vec::new();
        // SAFETY: every caller's `quantize` runs `quantize_rows` over all the rows, which writes every byte (values
        // and padding) and every scale without reading them; the read-ahead rows are filled here.
        let bytes = unsafe {
            written_by((rows + READ_AHEAD_ROWS) * stride, |bytes| {
                let (values, read_ahead) = bytes.split_at_mut(rows * stride);
                scales = written_by(rows, |scales| quantize(values, scales));
                read_ahead.fill(ZERO_POINT as u8);
            })
        };
        Self { bytes, scales }
    }
}

/// Quantizes the rows of `x` (`in_features` each) into `bytes` (rows of equal stride) and `scales`.
fn quantize_rows(x: &[f32], in_features: usize, bytes: &mut [u8], scales: &mut [f32], isa: Isa) {
    let stride = bytes.len() / scales.len();
    for ((row, row_bytes), scale) in x.chunks_exact(in_features).zip(bytes.chunks_exact_mut(stride)).zip(scales) {
        *scale = match isa {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Isa::Vnni` and `Isa::Amx` are only constructed when AVX-512 F/BW/VNNI were detected.
            Isa::Vnni | Isa::Amx => unsafe { quantize_row_avx512(row, row_bytes) },
            Isa::Portable => quantize_row(row, row_bytes),
        };
    }
}

/// Which implementation computes the products. Both give identical bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Isa {
    /// AMX-INT8 tile products with the AVX-512 epilogue, verified at run time (CPU and kernel
    /// permission); layers whose K is not whole tiles run on [`Isa::Vnni`].
    #[cfg(target_arch = "x86_64")]
    Amx,
    /// AVX-512 F/BW/VNNI, verified at run time.
    #[cfg(target_arch = "x86_64")]
    Vnni,
    /// Plain Rust integer loops.
    Portable,
}

impl Isa {
    /// The fastest implementation this CPU (and, for AMX, the operating system) allows; found once, since every
    /// product asks.
    fn detect() -> Self {
        static DETECTED: std::sync::OnceLock<Isa> = std::sync::OnceLock::new();
        *DETECTED.get_or_init(|| *Self::available().first().expect("the portable path is always available"))
    }

    /// Every implementation this machine can run, fastest first.
    fn available() -> Vec<Self> {
        #[allow(unused_mut)] // only mutated on x86-64
        let mut isas = vec![Isa::Portable];
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512bw")
            && is_x86_feature_detected!("avx512vnni")
        {
            isas.insert(0, Isa::Vnni);
            if amx::usable() {
                isas.insert(0, Isa::Amx);
            }
        }
        isas
    }

    /// What runs a layer of `k_steps` K-steps: AMX only takes whole tiles of K.
    fn for_layer(self, k_steps: usize) -> Self {
        match self {
            #[cfg(target_arch = "x86_64")]
            Isa::Amx if !k_steps.is_multiple_of(amx::K_STEPS) => Isa::Vnni,
            isa => isa,
        }
    }

    /// Rows one micro-kernel call computes.
    fn micro_rows(self) -> usize {
        match self {
            #[cfg(target_arch = "x86_64")]
            Isa::Amx => amx::ROWS,
            _ => ROWS_MR,
        }
    }
}

/// Splits the `rows × panels` output into parallel work items: row blocks of at most
/// `MAX_TILE_ROWS` rows, further split over column panels until there are about four items per
/// thread (so few-row calls still use every thread and work stealing can balance).
struct TilePlan {
    rows: usize,
    rows_per_tile: usize,
    row_tiles: usize,
    panels: usize,
    panels_per_tile: usize,
    col_tiles: usize,
}

impl TilePlan {
    fn new(rows: usize, panels: usize, threads: usize, micro_rows: usize) -> Self {
        let target_tiles = 4 * threads.max(1);
        let row_tiles = rows.div_ceil(MAX_TILE_ROWS);
        // Whole micro-kernel rows per tile, spread evenly.
        let rows_per_tile = rows.div_ceil(row_tiles).next_multiple_of(micro_rows);
        let row_tiles = rows.div_ceil(rows_per_tile);
        let col_tiles = target_tiles.div_ceil(row_tiles).clamp(1, panels);
        let panels_per_tile = panels.div_ceil(col_tiles);
        let col_tiles = panels.div_ceil(panels_per_tile);
        Self { rows, rows_per_tile, row_tiles, panels, panels_per_tile, col_tiles }
    }

    fn tiles(&self) -> usize {
        self.row_tiles * self.col_tiles
    }

    /// Row range and panel range of work item `tile`; the items partition the output.
    fn tile(&self, tile: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let (row_tile, col_tile) = (tile / self.col_tiles, tile % self.col_tiles);
        let row0 = row_tile * self.rows_per_tile;
        let panel0 = col_tile * self.panels_per_tile;
        (row0..(row0 + self.rows_per_tile).min(self.rows), panel0..(panel0 + self.panels_per_tile).min(self.panels))
    }
}

/// The output pointer, shared by the parallel work items, which write disjoint tiles.
#[derive(Clone, Copy)]
struct SharedMutPtr(*mut f32);

// SAFETY: the pointer is only dereferenced inside disjoint tiles of `TilePlan` while the owning
// `&mut [f32]` is borrowed by `forward_with`.
unsafe impl Send for SharedMutPtr {}
unsafe impl Sync for SharedMutPtr {}

impl SharedMutPtr {
    /// A method (rather than field access) so closures capture the whole `Send` wrapper.
    fn get(self) -> *mut f32 {
        self.0
    }
}

/// [`Epilogue`] for one micro-tile, the residual as a raw pointer to the tile's first element.
#[derive(Clone, Copy)]
enum Finish {
    Bias,
    BiasGelu,
    /// Same row stride as the output.
    BiasResidual(*const f32),
}

/// One call of the micro-kernel: `rows` rows × one weight panel.
///
/// Invariants (for the rows and blocks the kernel is asked to compute): `a` holds `a_stride ≥
/// 4·k_steps` bytes per row; `row_scales` one f32 per row; `weights` `k_steps · blocks · 64` bytes
/// in the packed layout; the three per-channel pointers `16 · blocks` entries; `1 ≤ cols ≤
/// 16 · blocks` and `cols > 16 · (blocks − 1)`; `out` (and the residual) `cols` writable (readable)
/// f32 per row at `out_stride` apart, not accessed by anyone else during the call.
struct MicroTile {
    /// Rows computed and written, at most the micro-kernel's rows.
    rows: usize,
    /// 16-channel blocks of the panel, at most `BLOCKS_NB`.
    blocks: usize,
    a: *const u8,
    a_stride: usize,
    row_scales: *const f32,
    weights: *const i8,
    k_steps: usize,
    weight_scales: *const f32,
    zero_point_corrections: *const i32,
    bias: *const f32,
    cols: usize,
    out: *mut f32,
    out_stride: usize,
    finish: Finish,
}

/// Computes every micro-tile of `tiles` with the micro-kernel of `isa`.
///
/// # Safety
/// Each tile satisfies the [`MicroTile`] invariants with `rows ≤ isa.micro_rows()`; `isa` is
/// `Portable` or was detected on this CPU; for `Amx`, `k_steps` is a multiple of [`amx::K_STEPS`]
/// and `a` holds [`amx::ROWS`] readable rows even where `rows` is fewer.
unsafe fn run_micro_kernels(tiles: impl Iterator<Item = MicroTile>, isa: Isa) {
    match isa {
        // SAFETY: forwarded from the caller.
        #[cfg(target_arch = "x86_64")]
        Isa::Amx => unsafe { amx::run_all(tiles) },
        // SAFETY: forwarded from the caller.
        #[cfg(target_arch = "x86_64")]
        Isa::Vnni => tiles.for_each(|tile| unsafe { vnni::run(&tile) }),
        // SAFETY: forwarded from the caller.
        Isa::Portable => tiles.for_each(|tile| unsafe { portable_micro_kernel(&tile) }),
    }
}

/// Plain-Rust micro-kernel: the same integer accumulators and the same f32 operation sequence as
/// the VNNI kernel, so the results are bit-identical.
///
/// # Safety
/// As [`run_micro_kernels`] for one tile.
unsafe fn portable_micro_kernel(tile: &MicroTile) {
    let rows = tile.rows;
    let width = tile.blocks * LANES;
    let mut acc = [[0i32; PANEL_COLS]; ROWS_MR];
    // SAFETY: the invariants of `MicroTile` give these lengths.
    let weights = unsafe { std::slice::from_raw_parts(tile.weights, tile.k_steps * width * K_STEP) };
    for (r, acc_row) in acc[..rows].iter_mut().enumerate() {
        // SAFETY: row r < rows holds 4·k_steps activation bytes.
        let a_row = unsafe { std::slice::from_raw_parts(tile.a.add(r * tile.a_stride), tile.k_steps * K_STEP) };
        for (a4, w_step) in a_row.chunks_exact(K_STEP).zip(weights.chunks_exact(width * K_STEP)) {
            for (acc, w4) in acc_row[..width].iter_mut().zip(w_step.chunks_exact(K_STEP)) {
                *acc += a4.iter().zip(w4).map(|(&a, &w)| i32::from(a) * i32::from(w)).sum::<i32>();
            }
        }
    }
    for (r, acc_row) in acc[..rows].iter().enumerate() {
        // SAFETY: per the invariants, row r has a scale, `cols` output (and residual) elements and
        // the per-channel vectors at least `cols` entries.
        unsafe {
            let row_scale = *tile.row_scales.add(r);
            for (c, &acc) in acc_row[..tile.cols].iter().enumerate() {
                let v = rescale(
                    acc,
                    *tile.zero_point_corrections.add(c),
                    *tile.weight_scales.add(c),
                    row_scale,
                    *tile.bias.add(c),
                );
                let y = match tile.finish {
                    Finish::Bias => v,
                    Finish::BiasGelu => gelu_erf(v),
                    Finish::BiasResidual(residual) => v + *residual.add(r * tile.out_stride + c),
                };
                *tile.out.add(r * tile.out_stride + c) = y;
            }
        }
    }
}

/// `(acc − correction) · (weight_scale · row_scale) + bias`, the f32 sequence both kernels use.
#[inline(always)]
fn rescale(acc: i32, correction: i32, weight_scale: f32, row_scale: f32, bias: f32) -> f32 {
    (acc - correction) as f32 * (weight_scale * row_scale) + bias
}

// Abramowitz–Stegun 7.1.26: erfc(z) ≈ t·(A1 + t·(A2 + t·(A3 + t·(A4 + t·A5))))·exp(−z²),
// t = 1/(1 + P·z) for z ≥ 0, absolute error ≤ 1.5e-7.
const ERF_P: f32 = 0.327_591_1;
const ERF_A1: f32 = 0.254_829_6;
const ERF_A2: f32 = -0.284_496_74;
const ERF_A3: f32 = 1.421_413_8;
const ERF_A4: f32 = -1.453_152;
const ERF_A5: f32 = 1.061_405_4;

// exp(y) = 2ⁿ·exp(r), n = round(y·log2 e), r = y − n·ln2 (ln2 split so n·LN2_HI is exact), with
// the Cephes `expf` polynomial for exp(r), |r| ≤ ln2/2 (~1 ulp).
// Below this exp(y) is returned as exp(EXP_MIN_ARG) ≈ 1.8e-35: GELU's negative tail is ≈ 0 there
// anyway, and the clamp keeps 2ⁿ and erfc (≥ 0.03·exp) normal floats, because subnormal operands
// cost a ~100-cycle microcode assist per vector instruction.
const EXP_MIN_ARG: f32 = -80.0;
const LOG2_E: f32 = std::f32::consts::LOG2_E;
const LN2_HI: f32 = 355.0 / 512.0; // 0.693359375: 9 significant bits, so n·LN2_HI is exact
const LN2_LO: f32 = -2.121_944_4e-4;
const EXP_P0: f32 = 1.987_569_1e-4;
const EXP_P1: f32 = 1.398_199_9e-3;
const EXP_P2: f32 = 8.333_452e-3;
const EXP_P3: f32 = 4.166_579_6e-2;
const EXP_P4: f32 = 1.666_666_5e-1;
const EXP_P5: f32 = 0.5;
/// 1.5·2²³: `(x + ROUND_BIAS) − ROUND_BIAS` rounds |x| < 2²² to the nearest even integer.
const ROUND_BIAS: f32 = 12_582_912.0;

/// exp(y) for y ≤ 0, the scalar twin of `vnni::exp_nonpositive`.
#[inline(always)]
fn exp_nonpositive(y: f32) -> f32 {
    let y = y.max(EXP_MIN_ARG);
    let n = (y * LOG2_E + ROUND_BIAS) - ROUND_BIAS;
    let r = (y - n * LN2_HI) - n * LN2_LO;
    let p = ((((EXP_P0 * r + EXP_P1) * r + EXP_P2) * r + EXP_P3) * r + EXP_P4) * r + EXP_P5;
    let exp_r = (p * (r * r) + r) + 1.0;
    exp_r * f32::from_bits(((n as i32 + 127) << 23) as u32)
}

/// Exact-erf GELU, `0.5·v·(1 + erf(v/√2))`, the scalar twin of `vnni::gelu`. `1 + erf(z)` is
/// evaluated as `erfc(−z)` for z < 0, which avoids cancellation in the negative tail.
#[inline(always)]
pub(crate) fn gelu_erf(v: f32) -> f32 {
    let z = v * std::f32::consts::FRAC_1_SQRT_2;
    let az = z.abs();
    let t = 1.0 / (ERF_P * az + 1.0);
    let poly = t * (ERF_A1 + t * (ERF_A2 + t * (ERF_A3 + t * (ERF_A4 + t * ERF_A5))));
    let erfc_az = poly * exp_nonpositive(-(az * az));
    let one_plus_erf = if z < 0.0 { erfc_az } else { 2.0 - erfc_az };
    (0.5 * v) * one_plus_erf
}

#[cfg(target_arch = "x86_64")]
mod vnni {
    use super::*;
    use core::arch::x86_64::*;

    const _: () = assert!(ROWS_MR == 8 && BLOCKS_NB == 3, "the dispatch arms below list every micro-kernel shape");

    /// Dispatches to the micro-kernel instantiated for `rows × blocks`.
    ///
    /// # Safety
    /// As [`run_micro_kernels`] for one tile, and the CPU supports AVX-512 F/BW/VNNI.
    pub(super) unsafe fn run(tile: &MicroTile) {
        // SAFETY: forwarded from the caller.
        unsafe {
            match tile.rows {
                1 => with_blocks::<1>(tile),
                2 => with_blocks::<2>(tile),
                3 => with_blocks::<3>(tile),
                4 => with_blocks::<4>(tile),
                5 => with_blocks::<5>(tile),
                6 => with_blocks::<6>(tile),
                7 => with_blocks::<7>(tile),
                8 => with_blocks::<8>(tile),
                rows => unreachable!("micro-kernel rows {rows} > ROWS_MR"),
            }
        }
    }

    /// # Safety
    /// As [`run`].
    unsafe fn with_blocks<const R: usize>(tile: &MicroTile) {
        // SAFETY: forwarded from the caller.
        unsafe {
            match tile.blocks {
                1 => micro_kernel::<R, 1>(tile),
                2 => micro_kernel::<R, 2>(tile),
                3 => micro_kernel::<R, 3>(tile),
                blocks => unreachable!("micro-kernel blocks {blocks} > BLOCKS_NB"),
            }
        }
    }

    /// `R` rows × `B` 16-channel blocks, all accumulators in zmm registers. Each k-step loads `B`
    /// weight vectors and, per row, broadcasts 4 activation bytes into `B` `vpdpbusd`s.
    ///
    /// # Safety
    /// `tile` satisfies the [`MicroTile`] invariants for `R` rows and `B` blocks; the CPU supports
    /// AVX-512 F/BW/VNNI.
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    unsafe fn micro_kernel<const R: usize, const B: usize>(tile: &MicroTile) {
        let mut acc = [[_mm512_setzero_si512(); B]; R];
        let mut a = tile.a;
        let mut w = tile.weights;
        for _ in 0..tile.k_steps {
            let mut w_vecs = [_mm512_setzero_si512(); B];
            for (j, w_vec) in w_vecs.iter_mut().enumerate() {
                // SAFETY: k-step < k_steps and j < B, inside the panel's k_steps·B·64 bytes.
                *w_vec = unsafe { _mm512_loadu_si512(w.add(j * BLOCK_BYTES).cast()) };
            }
            for (r, acc_row) in acc.iter_mut().enumerate() {
                // SAFETY: row r < R holds 4·k_steps bytes; this reads bytes 4·step..4·step+4.
                let a4 = unsafe { a.add(r * tile.a_stride).cast::<i32>().read_unaligned() };
                let a_vec = _mm512_set1_epi32(a4);
                for (acc, &w_vec) in acc_row.iter_mut().zip(&w_vecs) {
                    *acc = _mm512_dpbusd_epi32(*acc, a_vec, w_vec);
                }
            }
            // SAFETY: at most one past the last k-step (no dereference after the final step).
            unsafe {
                a = a.add(K_STEP);
                w = w.add(B * BLOCK_BYTES);
            }
        }

        for (r, acc_row) in acc.iter().enumerate() {
            for (j, &acc) in acc_row.iter().enumerate() {
                // SAFETY: r < R rows and j < B blocks of the tile, as the invariants require.
                unsafe { finish_block(tile, r, j, acc) };
            }
        }
    }

    /// Rescales the accumulators of row `r`, block `j` of `tile`, applies its epilogue and stores the row's
    /// channels of that block (the AMX kernel finishes its tiles with this too).
    ///
    /// # Safety
    /// `tile` satisfies the [`MicroTile`] invariants for a micro-tile with more than `r` rows and `j` blocks; the
    /// CPU supports AVX-512 F/BW.
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(super) unsafe fn finish_block(tile: &MicroTile, r: usize, j: usize, acc: __m512i) {
        let col = j * LANES;
        let mask: __mmask16 = if tile.cols - col >= LANES { !0 } else { (1u16 << (tile.cols - col)) - 1 };
        // SAFETY: per the invariants, row r has a scale; block j has 16 per-channel entries; the mask restricts the
        // output and residual accesses to the row's `cols`.
        unsafe {
            let row_scale = _mm512_set1_ps(*tile.row_scales.add(r));
            let correction = _mm512_loadu_si512(tile.zero_point_corrections.add(col).cast());
            let weight_scale = _mm512_loadu_ps(tile.weight_scales.add(col));
            let bias = _mm512_loadu_ps(tile.bias.add(col));
            // Same operation order as `rescale`.
            let v = _mm512_add_ps(
                _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_sub_epi32(acc, correction)), _mm512_mul_ps(weight_scale, row_scale)),
                bias,
            );
            let y = match tile.finish {
                Finish::Bias => v,
                Finish::BiasGelu => gelu(v),
                Finish::BiasResidual(residual) => {
                    _mm512_add_ps(v, _mm512_maskz_loadu_ps(mask, residual.add(r * tile.out_stride + col)))
                }
            };
            _mm512_mask_storeu_ps(tile.out.add(r * tile.out_stride + col), mask, y);
        }
    }

    /// 16-lane twin of [`super::exp_nonpositive`] (same operations, same order).
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn exp_nonpositive(y: __m512) -> __m512 {
        let y = _mm512_max_ps(y, _mm512_set1_ps(EXP_MIN_ARG));
        let round_bias = _mm512_set1_ps(ROUND_BIAS);
        let n = _mm512_sub_ps(_mm512_add_ps(_mm512_mul_ps(y, _mm512_set1_ps(LOG2_E)), round_bias), round_bias);
        let r = _mm512_sub_ps(
            _mm512_sub_ps(y, _mm512_mul_ps(n, _mm512_set1_ps(LN2_HI))),
            _mm512_mul_ps(n, _mm512_set1_ps(LN2_LO)),
        );
        let mut p = _mm512_set1_ps(EXP_P0);
        for coefficient in [EXP_P1, EXP_P2, EXP_P3, EXP_P4, EXP_P5] {
            p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(coefficient));
        }
        let exp_r = _mm512_add_ps(_mm512_add_ps(_mm512_mul_ps(p, _mm512_mul_ps(r, r)), r), _mm512_set1_ps(1.0));
        let two_to_n = _mm512_castsi512_ps(_mm512_slli_epi32::<23>(_mm512_add_epi32(
            _mm512_cvttps_epi32(n),
            _mm512_set1_epi32(127),
        )));
        _mm512_mul_ps(exp_r, two_to_n)
    }

    /// 16-lane twin of [`super::gelu`] (same operations, same order).
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn gelu(v: __m512) -> __m512 {
        let z = _mm512_mul_ps(v, _mm512_set1_ps(std::f32::consts::FRAC_1_SQRT_2));
        let az = _mm512_abs_ps(z);
        let t = _mm512_div_ps(
            _mm512_set1_ps(1.0),
            _mm512_add_ps(_mm512_mul_ps(_mm512_set1_ps(ERF_P), az), _mm512_set1_ps(1.0)),
        );
        let mut poly = _mm512_set1_ps(ERF_A5);
        for coefficient in [ERF_A4, ERF_A3, ERF_A2, ERF_A1] {
            poly = _mm512_add_ps(_mm512_set1_ps(coefficient), _mm512_mul_ps(t, poly));
        }
        poly = _mm512_mul_ps(t, poly);
        let neg_az_squared = _mm512_castsi512_ps(_mm512_xor_si512(
            _mm512_castps_si512(_mm512_mul_ps(az, az)),
            _mm512_set1_epi32(i32::MIN),
        ));
        let erfc_az = _mm512_mul_ps(poly, exp_nonpositive(neg_az_squared));
        let negative = _mm512_cmp_ps_mask::<_CMP_LT_OQ>(z, _mm512_setzero_ps());
        let one_plus_erf = _mm512_mask_blend_ps(negative, _mm512_sub_ps(_mm512_set1_ps(2.0), erfc_az), erfc_az);
        _mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(0.5), v), one_plus_erf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::test_data::Rng;

    /// The roofline of `docs/benchmarks.md`: this machine's int8 product throughput on the encoder's four dense
    /// shapes (hidden 384), as the encoder runs them (all compute threads). A measurement, not a check: run by hand,
    /// `cargo test --release --lib int8_gemm_throughput -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement run by hand; timings are never asserted"]
    fn int8_gemm_throughput() {
        for isa in Isa::available().into_iter().filter(|&isa| isa != Isa::Portable) {
            for rows in [32, 128, 512, 2048] {
                let mut ops = 0.0;
                let mut seconds = 0.0;
                for (in_f, out_f) in [(384, 1152), (384, 384), (384, 1536), (1536, 384)] {
                    let case = Case::random(rows, in_f, out_f, 7);
                    let layer = case.layer();
                    let mut out = vec![0.0f32; rows * out_f];
                    layer.forward_with(&case.x, rows, &mut out, Epilogue::Bias, isa);
                    let repeats = (200_000_000 / (rows * in_f * out_f)).max(3);
                    let started = std::time::Instant::now();
                    for _ in 0..repeats {
                        layer.forward_with(&case.x, rows, &mut out, Epilogue::Bias, isa);
                    }
                    seconds += started.elapsed().as_secs_f64() / repeats as f64;
                    ops += 2.0 * (rows * in_f * out_f) as f64;
                }
                println!("int8 dense layer set on {isa:?}, {rows} rows: {:.0} GOP/s", ops / seconds / 1e9);
            }
        }
    }

    /// The ceiling for the line above: `vpdpbusd` in a loop with twelve independent accumulators (no loads, no
    /// dependencies), on every compute thread; 64 multiply-adds = 128 operations per instruction. Run by hand like
    /// `int8_gemm_throughput`.
    #[test]
    #[ignore = "a measurement run by hand; timings are never asserted"]
    fn vnni_peak_throughput() {
        #[cfg(target_arch = "x86_64")]
        {
            if !Isa::available().contains(&Isa::Vnni) {
                println!("no AVX-512 VNNI on this CPU");
                return;
            }
            #[target_feature(enable = "avx512f,avx512vnni")]
            fn spin(iterations: u64) -> i32 {
                use std::arch::x86_64::*;
                let a = _mm512_set1_epi8(3);
                let b = _mm512_set1_epi8(5);
                let mut acc = [_mm512_setzero_si512(); 12];
                for _ in 0..iterations {
                    for x in acc.iter_mut() {
                        *x = _mm512_dpbusd_epi32(*x, a, b);
                    }
                }
                acc.iter().fold(0, |s, x| s.wrapping_add(_mm512_reduce_add_epi32(*x)))
            }
            let iterations = 20_000_000u64;
            let threads = rayon::current_num_threads();
            let started = std::time::Instant::now();
            // SAFETY: AVX-512 VNNI was detected above.
            let sum: i32 = rayon::broadcast(|_| unsafe { spin(iterations) }).into_iter().fold(0, i32::wrapping_add);
            let seconds = started.elapsed().as_secs_f64();
            let ops = (threads as u64 * iterations * 12 * 128) as f64;
            println!("vpdpbusd peak on {threads} threads: {:.0} GOP/s (checksum {sum})", ops / seconds / 1e9);
        }
    }

    const SHAPES: [(usize, usize); 6] = [(384, 1152), (384, 384), (384, 1536), (1536, 384), (5, 3), (67, 19)];
    // 515 rows make enough row blocks that each work item quantizes its own rows; fewer rows
    // share an up-front quantization.
    const ROWS: [usize; 8] = [1, 2, 3, 7, 17, 64, 129, 515];

    fn isas() -> Vec<Isa> {
        let available = Isa::available();
        eprintln!("int8 paths tested on this CPU: {available:?}");
        available
    }

    /// erf in f64 to ~1e-9: Maclaurin series below 4, ±1 beyond (|1 − erf(4)| < 2e-8).
    fn erf_f64(x: f64) -> f64 {
        if x.abs() >= 4.0 {
            return x.signum();
        }
        let (mut term, mut sum) = (x, x);
        for n in 1..200 {
            term *= -x * x / n as f64;
            sum += term / (2 * n + 1) as f64;
        }
        sum * 2.0 / std::f64::consts::PI.sqrt()
    }

    fn gelu_f64(v: f64) -> f64 {
        0.5 * v * (1.0 + erf_f64(v / std::f64::consts::SQRT_2))
    }

    /// Symmetric int8 quantization of one row, written independently of the module the way its
    /// documentation states it: (scale, q).
    fn documented_quantization(row: &[f32]) -> (f32, Vec<i32>) {
        let max = row.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        if max == 0.0 {
            return (0.0, vec![0; row.len()]);
        }
        let inv = 127.0 / max;
        (max / 127.0, row.iter().map(|&v| ((v * inv).round_ties_even() as i32).clamp(-127, 127)).collect())
    }

    struct Case {
        rows: usize,
        in_f: usize,
        out_f: usize,
        x: Vec<f32>,
        w: Vec<f32>,
        b: Vec<f32>,
        residual: Vec<f32>,
    }

    impl Case {
        fn random(rows: usize, in_f: usize, out_f: usize, seed: u64) -> Self {
            let mut rng = Rng::new(seed);
            Case {
                rows,
                in_f,
                out_f,
                x: rng.normals(rows * in_f, 1.0),
                w: rng.normals(out_f * in_f, 1.0 / (in_f as f32).sqrt()),
                b: rng.normals(out_f, 0.5),
                residual: rng.normals(rows * out_f, 1.0),
            }
        }

        fn layer(&self) -> QuantizedLinear {
            QuantizedLinear::new(&self.w, &self.b, self.out_f, self.in_f)
        }

        fn epilogue(&self, kind: usize) -> Epilogue<'_> {
            match kind {
                0 => Epilogue::Bias,
                1 => Epilogue::BiasGelu,
                _ => Epilogue::BiasResidual(&self.residual),
            }
        }

        fn run(&self, layer: &QuantizedLinear, kind: usize, isa: Isa) -> Vec<f32> {
            let mut out = vec![f32::NAN; self.rows * self.out_f];
            layer.forward_with(&self.x, self.rows, &mut out, self.epilogue(kind), isa);
            out
        }

        /// x·Wᵀ + b in f64 from the unquantized operands.
        fn float_reference(&self) -> Vec<f64> {
            let mut y = vec![0.0; self.rows * self.out_f];
            for m in 0..self.rows {
                for n in 0..self.out_f {
                    let x_row = &self.x[m * self.in_f..][..self.in_f];
                    let w_row = &self.w[n * self.in_f..][..self.in_f];
                    let dot: f64 = x_row.iter().zip(w_row).map(|(&a, &b)| a as f64 * b as f64).sum();
                    y[m * self.out_f + n] = dot + self.b[n] as f64;
                }
            }
            y
        }

        /// Pre-epilogue output from the documented quantized operands, in f64, with a tolerance
        /// per element (a few f32 roundings of the terms' magnitudes).
        fn integer_reference(&self) -> (Vec<f64>, Vec<f64>) {
            let xq: Vec<_> = self.x.chunks(self.in_f).map(documented_quantization).collect();
            let wq: Vec<_> = self.w.chunks(self.in_f).map(documented_quantization).collect();
            let mut y = vec![0.0; self.rows * self.out_f];
            let mut tolerance = vec![0.0; self.rows * self.out_f];
            for (m, (row_scale, qa)) in xq.iter().enumerate() {
                for (n, (weight_scale, qw)) in wq.iter().enumerate() {
                    let acc: i64 = qa.iter().zip(qw).map(|(&a, &b)| (a * b) as i64).sum();
                    let product = *row_scale as f64 * *weight_scale as f64 * acc as f64;
                    y[m * self.out_f + n] = product + self.b[n] as f64;
                    tolerance[m * self.out_f + n] = 1e-5 * (product.abs() + self.b[n].abs() as f64) + 1e-30;
                }
            }
            (y, tolerance)
        }
    }

    fn relative_error(y: &[f32], reference: &[f64]) -> f64 {
        let diff: f64 = y.iter().zip(reference).map(|(&a, &b)| (a as f64 - b).powi(2)).sum();
        let norm: f64 = reference.iter().map(|b| b * b).sum();
        (diff / norm).sqrt()
    }

    #[test]
    fn matches_integer_reference_for_all_shapes_epilogues_and_paths() {
        for (shape_index, &(in_f, out_f)) in SHAPES.iter().enumerate() {
            for &rows in &ROWS {
                let case = Case::random(rows, in_f, out_f, (shape_index * 1000 + rows) as u64);
                let layer = case.layer();
                assert_eq!((layer.in_features(), layer.out_features()), (in_f, out_f));
                let (pre, tolerance) = case.integer_reference();
                for isa in isas() {
                    for kind in 0..3 {
                        let y = case.run(&layer, kind, isa);
                        for (i, &got) in y.iter().enumerate() {
                            let (expected, tol) = match kind {
                                0 => (pre[i], tolerance[i]),
                                1 => (gelu_f64(pre[i]), 1.2 * tolerance[i] + 1e-6 * pre[i].abs() + 1e-7),
                                _ => (
                                    pre[i] + case.residual[i] as f64,
                                    tolerance[i] + 1e-6 * case.residual[i].abs() as f64,
                                ),
                            };
                            assert!(
                                (got as f64 - expected).abs() <= tol,
                                "{isa:?} epilogue {kind} rows {rows} in {in_f} out {out_f} element {i}: {got} vs {expected}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn close_to_float_reference() {
        for (shape_index, &(in_f, out_f)) in SHAPES.iter().enumerate().filter(|(_, s)| s.0 >= 384) {
            for rows in [7, 129] {
                let case = Case::random(rows, in_f, out_f, 77 + shape_index as u64);
                let error = relative_error(&case.run(&case.layer(), 0, Isa::detect()), &case.float_reference());
                eprintln!("rows {rows} in {in_f} out {out_f}: relative error {error:.2e}");
                // Two int8 roundings of Gaussian data (max ≈ 3.3σ) give ≈ 1% by themselves.
                assert!(error < 1.5e-2, "rows {rows} in {in_f} out {out_f}: relative error {error}");
            }
        }
    }

    #[test]
    fn every_path_is_bit_identical_to_the_portable_one() {
        let fast: Vec<Isa> = isas().into_iter().filter(|&isa| isa != Isa::Portable).collect();
        if fast.is_empty() {
            eprintln!("AVX-512 VNNI not available: nothing to compare");
            return;
        }
        for &(in_f, out_f) in &SHAPES {
            for &rows in &ROWS {
                // Spread of scales so the GELU sees both tails.
                let mut case = Case::random(rows, in_f, out_f, 5 + rows as u64);
                case.b.iter_mut().enumerate().for_each(|(n, b)| *b *= 1.0 + (n % 9) as f32);
                let layer = case.layer();
                for kind in 0..3 {
                    let portable = case.run(&layer, kind, Isa::Portable);
                    for &isa in &fast {
                        let got = case.run(&layer, kind, isa);
                        let same = got.iter().zip(&portable).all(|(a, b)| a.to_bits() == b.to_bits());
                        assert!(same, "{isa:?} epilogue {kind} rows {rows} in {in_f} out {out_f}");
                    }
                }
            }
        }
    }

    #[test]
    fn result_does_not_depend_on_thread_count() {
        // One thread makes 300 rows enough for per-item quantization, more threads share it.
        let case = Case::random(300, 384, 1152, 3);
        let layer = case.layer();
        let runs: Vec<Vec<f32>> = [1, 2, 3, 7]
            .iter()
            .map(|&threads| {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
                pool.install(|| case.run(&layer, 1, Isa::detect()))
            })
            .collect();
        assert!(runs.windows(2).all(|pair| pair[0] == pair[1]));
    }

    #[test]
    fn zero_input_gives_epilogue_of_bias() {
        let mut case = Case::random(3, 67, 19, 11);
        case.x.fill(0.0);
        let layer = case.layer();
        for isa in isas() {
            for kind in 0..3 {
                let y = case.run(&layer, kind, isa);
                for (i, &got) in y.iter().enumerate() {
                    let b = case.b[i % case.out_f];
                    let expected = match kind {
                        0 => b,
                        1 => gelu_erf(b),
                        _ => b + case.residual[i],
                    };
                    assert_eq!(got, expected, "{isa:?} epilogue {kind} element {i}");
                }
            }
        }
    }

    #[test]
    fn zero_weight_row_gives_bias() {
        let mut case = Case::random(5, 67, 19, 12);
        case.w[4 * 67..5 * 67].fill(0.0);
        let layer = case.layer();
        for isa in isas() {
            let y = case.run(&layer, 0, isa);
            assert!((0..5).all(|m| y[m * 19 + 4] == case.b[4]));
        }
    }

    #[test]
    fn gelu_is_accurate() {
        for i in -40_000..=40_000 {
            let v = i as f32 * 5e-4;
            let error = (gelu_erf(v) as f64 - gelu_f64(v as f64)).abs();
            assert!(error < 1e-6, "gelu({v}) off by {error}");
        }
    }

    #[test]
    #[should_panic(expected = "out length")]
    fn rejects_wrong_output_length() {
        let case = Case::random(2, 5, 3, 1);
        let mut out = vec![0.0; 5];
        case.layer().forward(&case.x, 2, &mut out, Epilogue::Bias);
    }

    #[test]
    #[should_panic(expected = "residual length")]
    fn rejects_wrong_residual_length() {
        let case = Case::random(2, 5, 3, 1);
        let mut out = vec![0.0; 6];
        case.layer().forward(&case.x, 2, &mut out, Epilogue::BiasResidual(&case.residual[..5]));
    }
}
