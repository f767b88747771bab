# gongqing container: multi-stage build, non-root runtime, bundled model baked in.
#   docker build -t gongqing:0.1.0 .
#   docker run --rm -p 50051:50051 -p 9090:9090 gongqing:0.1.0
# Listens on 0.0.0.0:50051 (gRPC) and 0.0.0.0:9090 (/metrics). TLS and auth: mount the files and set
# GONGQING_TLS_CERT / GONGQING_TLS_KEY / GONGQING_AUTH_TOKEN_FILE (see docs/operations.md).

FROM rust:1-bookworm AS build
WORKDIR /src
# Dependencies first, so source edits do not rebuild them.
COPY Cargo.toml Cargo.lock build.rs ./
COPY proto proto
RUN mkdir -p src benches && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
    && echo 'fn main() {}' > benches/throughput.rs \
    && cargo build --release --locked --bin gongqing || true
COPY src src
COPY benches benches
# Word lists and ranking cues are compiled into the binary (include_str!).
COPY models/lexicon models/lexicon
COPY models/conversation models/conversation
COPY models/ranking models/ranking
RUN touch src/main.rs src/lib.rs && cargo build --release --locked --bin gongqing \
    && install -D target/release/gongqing /out/gongqing

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /app
COPY --from=build /out/gongqing /usr/local/bin/gongqing
# The model is part of the image: the pod needs no network or volume to serve.
COPY models /app/models
USER nonroot:nonroot
ENV GONGQING_ADDR=0.0.0.0:50051 \
    GONGQING_METRICS_ADDR=0.0.0.0:9090 \
    GONGQING_MODEL=/app/models/default \
    GONGQING_LOG_FORMAT=json
EXPOSE 50051 9090
ENTRYPOINT ["/usr/local/bin/gongqing", "serve"]
