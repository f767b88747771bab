//! Seeded test data for the kernel tests (xorshift64* and Box–Muller), so the tests need no random-number crate
//! and fail the same way on every run.

pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        // Spread small seeds over the state; xorshift needs a non-zero state.
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in (0, 1): never 0, so its logarithm is finite.
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// `n` draws from a normal distribution with mean 0 and standard deviation `scale`.
    pub(crate) fn normals(&mut self, n: usize, scale: f32) -> Vec<f32> {
        (0..n)
            .map(|_| {
                let radius = (-2.0 * self.uniform().ln()).sqrt();
                (radius * (std::f64::consts::TAU * self.uniform()).cos()) as f32 * scale
            })
            .collect()
    }
}
