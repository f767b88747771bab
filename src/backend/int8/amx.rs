//! The int8 products on AMX tiles (Sapphire Rapids and later): one `tdpbusd` multiplies a 16×64 block of
//! activation bytes by 64×16 weights, about ten times what `vpdpbusd` does per cycle on this project's machine.
//!
//! Same bytes in, same i32 accumulators out as the VNNI kernel (`tdpbusd` is unsigned × signed like `vpdpbusd`),
//! and the same AVX-512 epilogue ([`super::vnni::finish_block`]), so the results are bit-identical.
//! The packed weight panels need no repacking: a block's 64-byte vectors of 16 consecutive k-steps, read at the
//! panel's k-step stride, are exactly a B tile.

use super::{MicroTile, BLOCKS_NB, BLOCK_BYTES, K_STEP, LANES, READ_AHEAD_ROWS};
use core::arch::asm;
use core::arch::x86_64::{__cpuid_count, __m512i, _mm512_loadu_si512};
use std::sync::OnceLock;

/// Rows of an A (activation) tile and of a C (accumulator) tile.
pub(super) const ROWS: usize = 16;
/// K-steps (of 4 values) in one 64-byte tile row: AMX is used for layers whose K is a multiple of 64.
pub(super) const K_STEPS: usize = 64 / K_STEP;
const _: () = assert!(ROWS - 1 <= READ_AHEAD_ROWS, "a partial last tile would read past the activations");
const _: () = assert!(BLOCKS_NB <= 3, "tiles 0-2 hold the accumulators, 4-6 the weights");

/// Linux `arch_prctl` request that asks for a permission to use an extended register state.
const ARCH_REQ_XCOMP_PERM: libc::c_ulong = 0x1023;
/// The AMX tile data state component.
const XFEATURE_XTILEDATA: libc::c_ulong = 18;

/// Whether this CPU has AMX-INT8 and the kernel let this process use the tiles (asked once, for the process).
pub(super) fn usable() -> bool {
    static USABLE: OnceLock<bool> = OnceLock::new();
    *USABLE.get_or_init(|| {
        // CPUID leaf 7 exists on every x86-64 CPU that has AVX-512, which the caller checked.
        let features = __cpuid_count(7, 0);
        let tile = features.edx & (1 << 24) != 0;
        let int8 = features.edx & (1 << 25) != 0;
        // SAFETY: a plain system call with integer arguments; it only changes this process's permissions.
        tile && int8 && unsafe { libc::syscall(libc::SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA) } == 0
    })
}

/// Palette 1 with tiles 0–7 all 16 rows × 64 bytes: C tiles 0–2 (16×16 i32), A tiles 3 and 7 (16 rows × 64
/// bytes), B tiles 4–6 (16 k-steps × 16 channels × 4 bytes).
#[repr(C, align(64))]
struct TileConfig([u8; 64]);

const CONFIG: TileConfig = {
    let mut bytes = [0u8; 64];
    bytes[0] = 1; // palette
    let mut tile = 0;
    while tile < 8 {
        bytes[16 + 2 * tile] = 64; // bytes per row (u16, little-endian)
        bytes[48 + tile] = ROWS as u8;
        tile += 1;
    }
    TileConfig(bytes)
};

/// Configures the tiles on this thread for the life of the value; releases them when dropped, so a thread that
/// runs no more AMX work does not keep 8 KiB of tile state in every context switch.
struct TileSession(());

impl TileSession {
    /// # Safety
    /// [`usable`] returned true.
    unsafe fn start() -> TileSession {
        // SAFETY: AMX is usable (caller's contract); CONFIG is a valid 64-byte palette-1 configuration.
        unsafe { asm!("ldtilecfg [{}]", in(reg) CONFIG.0.as_ptr(), options(nostack, preserves_flags, readonly)) };
        TileSession(())
    }
}

impl Drop for TileSession {
    fn drop(&mut self) {
        // SAFETY: the tiles were configured by `start`, so AMX is usable.
        unsafe { asm!("tilerelease", options(nostack, preserves_flags, nomem)) };
    }
}

/// Runs `$body` with the macros `$c!()` and `$b!()` naming the accumulator and weight tiles of block `$j` (tile
/// numbers must be literals in the instructions).
macro_rules! with_block_tiles {
    ($j:expr, |$c:ident, $b:ident| $body:expr) => {
        match $j {
            0 => {
                #[allow(unused_macros)]
                macro_rules! $c { () => { "tmm0" } }
                #[allow(unused_macros)]
                macro_rules! $b { () => { "tmm4" } }
                $body
            }
            1 => {
                #[allow(unused_macros)]
                macro_rules! $c { () => { "tmm1" } }
                #[allow(unused_macros)]
                macro_rules! $b { () => { "tmm5" } }
                $body
            }
            _ => {
                #[allow(unused_macros)]
                macro_rules! $c { () => { "tmm2" } }
                #[allow(unused_macros)]
                macro_rules! $b { () => { "tmm6" } }
                $body
            }
        }
    };
}

/// The accumulator tiles of one micro-tile, stored for the epilogue: `BLOCKS_NB` tiles of 16 rows × 16 i32.
#[repr(C, align(64))]
struct Accumulators([[[i32; LANES]; ROWS]; BLOCKS_NB]);

/// Computes every micro-tile of `tiles`, software-pipelined: the tile products of one micro-tile are issued, then
/// the previous micro-tile's epilogue runs on the vector units while the tile unit works, then the new
/// accumulators are stored. (Run one after the other, the epilogue and the products each took about half the time.)
///
/// # Safety
/// [`usable`] returned true; each tile satisfies the [`MicroTile`] invariants for `rows ≤ ROWS`, its `k_steps` is a
/// multiple of [`K_STEPS`] and its `a` holds [`ROWS`] readable rows; the CPU supports AVX-512 F/BW.
#[target_feature(enable = "avx512f,avx512bw")]
pub(super) unsafe fn run_all(tiles: impl Iterator<Item = MicroTile>) {
    // SAFETY: forwarded from the caller.
    let _session = unsafe { TileSession::start() };
    let mut stored = [const { std::mem::MaybeUninit::<Accumulators>::uninit() }; 2];
    let mut pending: Option<(MicroTile, usize)> = None;
    for (index, tile) in tiles.enumerate() {
        let slot = index % 2;
        // SAFETY: the tiles are configured; `tile` is valid (caller's contract); the pending tile's accumulators
        // were stored in the other slot by the previous iteration, which `finish` reads; `store` writes this
        // tile's accumulators into its own slot, which no pending tile uses.
        unsafe {
            multiply(&tile);
            if let Some((previous, previous_slot)) = pending.take() {
                finish(&previous, stored[previous_slot].as_ptr());
            }
            store(tile.blocks, stored[slot].as_mut_ptr());
        }
        pending = Some((tile, slot));
    }
    if let Some((last, slot)) = pending {
        // SAFETY: its accumulators were stored in `slot` by the last iteration.
        unsafe { finish(&last, stored[slot].as_ptr()) };
    }
}

/// Issues the tile products of `tile` into the accumulator tiles.
///
/// # Safety
/// As [`run_all`], for this tile, with the tiles configured.
#[inline(always)]
unsafe fn multiply(tile: &MicroTile) {
    // Bytes from one k-step to the next in the weight panel.
    let weight_stride = tile.blocks * BLOCK_BYTES;
    let tile_row_bytes = K_STEPS * K_STEP;
    // SAFETY: each A tile load reads ROWS rows of 64 bytes at `a_stride` apart from k-step `chunk · K_STEPS`,
    // inside the rows the caller guarantees; each B tile load reads 16 k-steps of one block, inside the panel's
    // `k_steps · blocks · 64` bytes.
    unsafe {
        for j in 0..tile.blocks {
            with_block_tiles!(j, |c, b| asm!(concat!("tilezero ", c!()), options(nostack, preserves_flags, nomem)));
        }
        // One K chunk with the activations in tile `$a`. Tile registers are not renamed, so loading the next
        // chunk's activations into the tile the last products still read would wait for them: even and odd
        // chunks use tiles 3 and 7.
        macro_rules! chunk {
            ($chunk:expr, $a:literal) => {{
                let a = tile.a.add($chunk * tile_row_bytes);
                asm!(concat!("tileloadd ", $a, ", [{a} + {stride}*1]"), a = in(reg) a, stride = in(reg) tile.a_stride,
                     options(nostack, preserves_flags, readonly));
                let panel_rows = tile.weights.add($chunk * K_STEPS * weight_stride);
                for j in 0..tile.blocks {
                    let w = panel_rows.add(j * BLOCK_BYTES);
                    with_block_tiles!(j, |c, b| {
                        asm!(concat!("tileloadd ", b!(), ", [{w} + {stride}*1]"), w = in(reg) w,
                             stride = in(reg) weight_stride, options(nostack, preserves_flags, readonly));
                        asm!(concat!("tdpbusd ", c!(), ", ", $a, ", ", b!()), options(nostack, preserves_flags, nomem));
                    });
                }
            }};
        }
        let chunks = tile.k_steps / K_STEPS;
        for pair in 0..chunks / 2 {
            chunk!(2 * pair, "tmm3");
            chunk!(2 * pair + 1, "tmm7");
        }
        if chunks % 2 == 1 {
            chunk!(chunks - 1, "tmm3");
        }
    }
}

/// Stores the first `blocks` accumulator tiles into `out`.
///
/// # Safety
/// The tiles are configured; `out` is valid for writes.
#[inline(always)]
unsafe fn store(blocks: usize, out: *mut Accumulators) {
    let tiles = out.cast::<[[i32; LANES]; ROWS]>();
    for j in 0..blocks {
        // SAFETY: tile j of `out` is 16 rows of 64 bytes, written at a 64-byte stride.
        unsafe {
            let out = tiles.add(j);
            with_block_tiles!(j, |c, b| asm!(concat!("tilestored [{out} + {stride}*1], ", c!()), out = in(reg) out,
                 stride = in(reg) LANES * 4, options(nostack, preserves_flags)));
        }
    }
}

/// The epilogue of `tile` from its stored accumulators.
///
/// # Safety
/// As [`run_all`], for this tile; `accumulators` points to its first `tile.blocks` stored tiles (the rest may be
/// uninitialized, so they are read through a pointer, never a reference).
#[inline(always)]
unsafe fn finish(tile: &MicroTile, accumulators: *const Accumulators) {
    let tiles = accumulators.cast::<[[i32; LANES]; ROWS]>();
    for r in 0..tile.rows {
        for j in 0..tile.blocks {
            // SAFETY: r < rows ≤ ROWS and j < blocks, a stored tile; the row's 16 i32 are 64 bytes.
            unsafe {
                let acc: __m512i = _mm512_loadu_si512(tiles.add(j).cast::<[i32; LANES]>().add(r).cast());
                super::vnni::finish_block(tile, r, j, acc);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The AMX line of the roofline in `docs/benchmarks.md`: `tdpbusd` into four independent accumulator tiles, no
    /// loads in the loop, on every compute thread; 16·16·64 multiply-adds = 32,768 operations per instruction. A
    /// measurement, not a check: `cargo test --release --lib amx_peak_throughput -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement run by hand; timings are never asserted"]
    fn amx_peak_throughput() {
        if !usable() {
            println!("no usable AMX-INT8 on this machine");
            return;
        }
        fn spin(iterations: u64) {
            let operands = [1u8; ROWS * 64];
            // SAFETY: AMX is usable (checked above); the operand loads read 16 rows of 64 bytes from `operands`.
            unsafe {
                let _session = TileSession::start();
                asm!("tileloadd tmm4, [{a} + {s}*1]", "tileloadd tmm5, [{a} + {s}*1]",
                     "tileloadd tmm6, [{a} + {s}*1]", "tileloadd tmm7, [{a} + {s}*1]",
                     "2:", "tdpbusd tmm0, tmm4, tmm6", "tdpbusd tmm1, tmm4, tmm7", "tdpbusd tmm2, tmm5, tmm6",
                     "tdpbusd tmm3, tmm5, tmm7", "dec {n}", "jnz 2b",
                     a = in(reg) operands.as_ptr(), s = in(reg) 64usize, n = inout(reg) iterations => _,
                     options(nostack, readonly));
            }
        }
        let iterations = 5_000_000u64;
        let threads = rayon::current_num_threads();
        let started = std::time::Instant::now();
        rayon::broadcast(|_| spin(iterations));
        let seconds = started.elapsed().as_secs_f64();
        let ops = (threads as u64 * iterations * 4 * 2 * (ROWS * LANES * 64) as u64) as f64;
        println!("tdpbusd peak on {threads} threads: {:.0} GOP/s", ops / seconds / 1e9);
    }
}
