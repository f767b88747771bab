//! The encoder's CPU steps as candle ops: int8 products (`int8.rs`), packed attention and layer norm
//! (`attention.rs`) and exact-erf GELU, multi-threaded; other devices and dtypes get candle's own ops.

use candle_core::{bail, CpuStorage, CustomOp1, CustomOp2, CustomOp3, DType, Layout, Result, Shape, Tensor};
use rayon::prelude::*;

use super::attention;
use super::buffer::written_by;
use super::int8::{gelu_erf, Epilogue, QuantizedLinear};

/// Elements per parallel task: large enough that scheduling costs nothing next to the work.
const CHUNK: usize = 8192;

/// What a dense layer applies to its output after the bias, fused into the product where the kernel can.
#[derive(Clone, Copy)]
pub enum Fused<'a> {
    None,
    /// Exact-erf GELU.
    Gelu,
    /// Adds a tensor of the output's shape (the residual connection), then layer-normalizes each row: BERT's
    /// "add & norm", in place in the product's output buffer on the int8 path.
    ResidualNorm(&'a Tensor, &'a NormWeights),
}

/// A layer norm's weights: tensors for candle's ops, and on CPU their values for the norm fused into int8 products.
pub struct NormWeights {
    pub gamma: Tensor,
    pub beta: Tensor,
    pub eps: f32,
    /// `(gamma, beta)` as f32 values when the tensors live on the CPU.
    cpu_values: Option<(Vec<f32>, Vec<f32>)>,
}

impl NormWeights {
    pub fn new(gamma: Tensor, beta: Tensor, eps: f32) -> Result<NormWeights> {
        let cpu_values = if is_cpu_f32(&gamma) && is_cpu_f32(&beta) {
            Some((gamma.flatten_all()?.to_vec1()?, beta.flatten_all()?.to_vec1()?))
        } else {
            None
        };
        Ok(NormWeights { gamma, beta, eps, cpu_values })
    }
}

fn is_cpu_f32(x: &Tensor) -> bool {
    x.device().is_cpu() && x.dtype() == DType::F32
}

/// The f32 values a contiguous CPU tensor covers.
fn contiguous_f32<'a>(storage: &'a CpuStorage, layout: &Layout, op: &str) -> Result<&'a [f32]> {
    let CpuStorage::F32(data) = storage else { bail!("{op} runs on f32 tensors") };
    let Some((start, end)) = layout.contiguous_offsets() else { bail!("{op} needs a contiguous tensor") };
    Ok(&data[start..end])
}

struct GeluErf;

impl CustomOp1 for GeluErf {
    fn name(&self) -> &'static str {
        "gongqing-gelu-erf"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        let input = contiguous_f32(storage, layout, self.name())?;
        let fill = |output: &mut [f32]| {
            output.par_chunks_mut(CHUNK).zip(input.par_chunks(CHUNK)).for_each(|(out, inp)| {
                for (o, &x) in out.iter_mut().zip(inp) {
                    *o = gelu_erf(x);
                }
            })
        };
        // SAFETY: the chunks cover the output and each element is written once.
        let output = unsafe { written_by(input.len(), fill) };
        Ok((CpuStorage::F32(output), layout.shape().clone()))
    }
}

/// GELU with the exact erf, multi-threaded on CPU f32; candle's own `gelu_erf` elsewhere.
pub fn gelu(x: &Tensor) -> Result<Tensor> {
    if is_cpu_f32(x) {
        x.contiguous()?.apply_op1_no_bwd(&GeluErf)
    } else {
        x.gelu_erf()
    }
}

/// `x · Wᵀ + b` (then `fused`) with int8 weights; `x` is `[rows, in]` on CPU.
struct Int8Product<'a> {
    linear: &'a QuantizedLinear,
    gelu: bool,
    /// Layer-norm weights `(gamma, beta, eps)` applied to each output row after the residual.
    norm: Option<(&'a [f32], &'a [f32], f32)>,
}

impl Int8Product<'_> {
    fn run(&self, x: &[f32], layout: &Layout, residual: Option<&[f32]>) -> Result<(CpuStorage, Shape)> {
        let (rows, inputs) = layout.shape().dims2()?;
        if inputs != self.linear.in_features() {
            bail!("int8 product: input has {inputs} features, the layer {}", self.linear.in_features());
        }
        let outputs = self.linear.out_features();
        let epilogue = match (residual, self.gelu) {
            (Some(residual), _) => Epilogue::BiasResidual(residual),
            (None, true) => Epilogue::BiasGelu,
            (None, false) => Epilogue::Bias,
        };
        // SAFETY: `forward` overwrites all of `out` without reading it (its tests start from NaN).
        let mut out = unsafe { written_by(rows * outputs, |out| self.linear.forward(x, rows, out, epilogue)) };
        if let Some((gamma, beta, eps)) = self.norm {
            if gamma.len() != outputs || beta.len() != outputs {
                bail!("int8 product: layer norm of width {} after {outputs} outputs", gamma.len());
            }
            attention::add_layer_norm(&mut out, None, gamma, beta, eps);
        }
        Ok((CpuStorage::F32(out), Shape::from((rows, outputs))))
    }
}

impl CustomOp1 for Int8Product<'_> {
    fn name(&self) -> &'static str {
        "gongqing-int8-linear"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        self.run(contiguous_f32(storage, layout, CustomOp1::name(self))?, layout, None)
    }
}

impl CustomOp2 for Int8Product<'_> {
    fn name(&self) -> &'static str {
        "gongqing-int8-linear-residual"
    }

    fn cpu_fwd(
        &self,
        x: &CpuStorage,
        x_layout: &Layout,
        r: &CpuStorage,
        r_layout: &Layout,
    ) -> Result<(CpuStorage, Shape)> {
        let (rows, _) = x_layout.shape().dims2()?;
        if r_layout.shape().dims() != [rows, self.linear.out_features()] {
            bail!("int8 product: residual shape {:?} differs from the output's", r_layout.shape());
        }
        let residual = contiguous_f32(r, r_layout, CustomOp2::name(self))?;
        self.run(contiguous_f32(x, x_layout, CustomOp2::name(self))?, x_layout, Some(residual))
    }
}

/// The int8 layer on a CPU f32 tensor `[rows, in]`, with the bias and `fused` applied in the same pass.
pub fn int8_linear(linear: &QuantizedLinear, x: &Tensor, fused: Fused<'_>) -> Result<Tensor> {
    if !is_cpu_f32(x) {
        bail!("int8 layers run on CPU f32 tensors");
    }
    let x = x.contiguous()?;
    match fused {
        Fused::None => x.apply_op1_no_bwd(&Int8Product { linear, gelu: false, norm: None }),
        Fused::Gelu => x.apply_op1_no_bwd(&Int8Product { linear, gelu: true, norm: None }),
        Fused::ResidualNorm(residual, weights) => match &weights.cpu_values {
            Some((gamma, beta)) => {
                let product = Int8Product { linear, gelu: false, norm: Some((gamma, beta, weights.eps)) };
                x.apply_op2_no_bwd(&residual.contiguous()?, &product)
            }
            None => {
                let sum = x.apply_op2_no_bwd(&residual.contiguous()?, &Int8Product { linear, gelu: false, norm: None })?;
                layer_norm(&sum, weights)
            }
        },
    }
}

struct PackedAttention<'a> {
    spans: &'a [(usize, usize)],
    heads: usize,
}

impl CustomOp1 for PackedAttention<'_> {
    fn name(&self) -> &'static str {
        "gongqing-packed-attention"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        let qkv = contiguous_f32(storage, layout, self.name())?;
        let (total, width) = layout.shape().dims2()?;
        let hidden = width / 3;
        let covered: usize = self.spans.iter().map(|&(_, len)| len).sum();
        if width % 3 != 0 || hidden % self.heads != 0 || covered != total {
            bail!("packed attention: qkv {total}x{width} does not fit {} heads and the spans", self.heads);
        }
        let attend = |out: &mut [f32]| attention::attention(qkv, self.spans, self.heads, hidden, out);
        // SAFETY: the spans cover every row (checked above) and attention overwrites them without reading them
        // (its tests start from NaN).
        let out = unsafe { written_by(total * hidden, attend) };
        Ok((CpuStorage::F32(out), Shape::from((total, hidden))))
    }
}

/// Self-attention of packed texts: `qkv` is `[tokens, 3 * hidden]` (query, key, value side by side), text `i`
/// owns rows `spans[i]`; the result is `[tokens, hidden]`.
pub fn attention(qkv: &Tensor, spans: &[(usize, usize)], heads: usize) -> Result<Tensor> {
    if is_cpu_f32(qkv) {
        return qkv.contiguous()?.apply_op1_no_bwd(&PackedAttention { spans, heads });
    }
    let contexts = spans
        .iter()
        .map(|&(start, len)| attention_one_text(&qkv.narrow(0, start, len)?, heads))
        .collect::<Result<Vec<_>>>()?;
    Tensor::cat(&contexts, 0)
}

/// Self-attention of one text in candle ops: `qkv` is `[len, 3 * hidden]`, the result `[len, hidden]`.
pub(crate) fn attention_one_text(qkv: &Tensor, heads: usize) -> Result<Tensor> {
    let (len, width) = qkv.dims2()?;
    let hidden = width / 3;
    let head = hidden / heads;
    let split = |i: usize| qkv.narrow(1, i * hidden, hidden)?.reshape((len, heads, head))?.transpose(0, 1);
    let q = (split(0)?.contiguous()? * (1.0 / (head as f64).sqrt()))?;
    let k = split(1)?.contiguous()?;
    let v = split(2)?.contiguous()?;
    let weights = candle_nn::ops::softmax_last_dim(&q.matmul(&k.t()?)?)?;
    weights.matmul(&v)?.transpose(0, 1)?.reshape((len, hidden))
}

struct LayerNorm {
    eps: f32,
}

impl CustomOp3 for LayerNorm {
    fn name(&self) -> &'static str {
        "gongqing-layer-norm"
    }

    fn cpu_fwd(
        &self,
        x: &CpuStorage,
        x_layout: &Layout,
        gamma: &CpuStorage,
        gamma_layout: &Layout,
        beta: &CpuStorage,
        beta_layout: &Layout,
    ) -> Result<(CpuStorage, Shape)> {
        let mut out = contiguous_f32(x, x_layout, self.name())?.to_vec();
        let gamma = contiguous_f32(gamma, gamma_layout, self.name())?;
        let beta = contiguous_f32(beta, beta_layout, self.name())?;
        if gamma.len() != beta.len() || x_layout.shape().dims().last() != Some(&gamma.len()) {
            bail!("layer norm: width {:?} differs from the weights' {}", x_layout.shape(), gamma.len());
        }
        attention::add_layer_norm(&mut out, None, gamma, beta, self.eps);
        Ok((CpuStorage::F32(out), x_layout.shape().clone()))
    }
}

/// Layer norm over the last dimension, multi-threaded on CPU f32; candle's own elsewhere.
pub fn layer_norm(x: &Tensor, weights: &NormWeights) -> Result<Tensor> {
    let NormWeights { gamma, beta, eps, .. } = weights;
    if is_cpu_f32(x) && weights.cpu_values.is_some() {
        x.contiguous()?.apply_op3_no_bwd(gamma, beta, &LayerNorm { eps: *eps })
    } else {
        candle_nn::ops::layer_norm(x, gamma, beta, *eps)
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

    fn max_abs_diff(a: &Tensor, b: &Tensor) -> f32 {
        (a - b).unwrap().abs().unwrap().flatten_all().unwrap().max(0).unwrap().to_scalar::<f32>().unwrap()
    }

    #[test]
    fn packed_attention_matches_candle_ops_per_text() {
        let qkv = Tensor::randn(0f32, 2.0, (40, 3 * 48), &Device::Cpu).unwrap();
        let spans = [(0, 1), (1, 7), (8, 32)];
        let ours = attention(&qkv, &spans, 3).unwrap();
        let reference = Tensor::cat(
            &spans
                .iter()
                .map(|&(s, l)| attention_one_text(&qkv.narrow(0, s, l).unwrap(), 3).unwrap())
                .collect::<Vec<_>>(),
            0,
        )
        .unwrap();
        assert!(max_abs_diff(&ours, &reference) < 1e-4);
        // Spans that do not cover the rows are an error, not a wrong answer.
        assert!(attention(&qkv, &[(0, 8)], 3).is_err());
    }

    #[test]
    fn layer_norm_matches_candle() {
        let x = Tensor::randn(1f32, 3.0, (9, 24), &Device::Cpu).unwrap();
        let gamma = Tensor::randn(1f32, 0.5, 24, &Device::Cpu).unwrap();
        let beta = Tensor::randn(0f32, 0.5, 24, &Device::Cpu).unwrap();
        let ours = layer_norm(&x, &NormWeights::new(gamma.clone(), beta.clone(), 1e-12).unwrap()).unwrap();
        let reference = candle_nn::ops::layer_norm(&x, &gamma, &beta, 1e-12).unwrap();
        assert!(max_abs_diff(&ours, &reference) < 1e-4);
    }
}
