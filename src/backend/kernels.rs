//! CPU kernels written for the encoder where candle's own are single-threaded and show up in the profile
//! (see docs/benchmarks.md): exact-erf GELU, split across the compute threads.

use candle_core::{bail, CpuStorage, CustomOp1, Layout, Result, Shape, Tensor};
use rayon::prelude::*;

/// Elements per parallel task: large enough that scheduling costs nothing next to the work.
const CHUNK: usize = 8192;

/// erf by Abramowitz & Stegun, Handbook of Mathematical Functions, formula 7.1.26 (|error| ≤ 1.5e-7).
fn erf(x: f32) -> f32 {
    const P: f32 = 0.327_591_1;
    const A: [f32; 5] = [0.254_829_6, -0.284_496_74, 1.421_413_7, -1.453_152_1, 1.061_405_4];
    let sign = x.signum();
    let x = x.abs();
    let t = 1.0 / (1.0 + P * x);
    let poly = t * (A[0] + t * (A[1] + t * (A[2] + t * (A[3] + t * A[4]))));
    sign * (1.0 - poly * (-x * x).exp())
}

fn gelu_erf(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

struct GeluErf;

impl CustomOp1 for GeluErf {
    fn name(&self) -> &'static str {
        "gongqing-gelu-erf"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        let CpuStorage::F32(data) = storage else { bail!("gelu-erf runs on f32 tensors") };
        let Some((start, end)) = layout.contiguous_offsets() else { bail!("gelu-erf needs a contiguous tensor") };
        let input = &data[start..end];
        let mut output = vec![0f32; input.len()];
        output.par_chunks_mut(CHUNK).zip(input.par_chunks(CHUNK)).for_each(|(out, inp)| {
            for (o, &x) in out.iter_mut().zip(inp) {
                *o = gelu_erf(x);
            }
        });
        Ok((CpuStorage::F32(output), layout.shape().clone()))
    }
}

/// GELU with the exact erf (what BERT checkpoints call "gelu"), multi-threaded on CPU f32; candle's own
/// `gelu_erf` elsewhere.
pub fn gelu(x: &Tensor) -> Result<Tensor> {
    if x.device().is_cpu() && x.dtype() == candle_core::DType::F32 {
        x.contiguous()?.apply_op1_no_bwd(&GeluErf)
    } else {
        x.gelu_erf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    #[test]
    fn matches_candles_exact_gelu() {
        let values: Vec<f32> = (-4000..4000).map(|i| i as f32 / 500.0).collect();
        let x = Tensor::from_vec(values, (4, 2000), &Device::Cpu).unwrap();
        let ours = gelu(&x).unwrap().flatten_all().unwrap().to_vec1::<f32>().unwrap();
        let reference = x.gelu_erf().unwrap().flatten_all().unwrap().to_vec1::<f32>().unwrap();
        for (a, b) in ours.iter().zip(&reference) {
            assert!((a - b).abs() < 2e-6, "{a} vs {b}");
        }
        // Strided input is made contiguous first.
        let t = x.t().unwrap();
        let strided = gelu(&t).unwrap().to_vec2::<f32>().unwrap();
        assert!((strided[3][1] - t.gelu_erf().unwrap().to_vec2::<f32>().unwrap()[3][1]).abs() < 2e-6);
    }
}
