"""Draws the chapters' diagrams as SVG files next to this script: python3 make_figures.py (standard library only).

lstm-tbptt.svg  chapter 2: an LSTM unrolled over a window, cut into truncated-BPTT segments
skipgram.svg    chapter 1: a skip-gram window and negative samples
gan-loop.svg    chapter 4: one step of GAN training
vae.svg         chapter 5: encoder, reparameterisation, decoder and the two loss terms
factorisation.svg  chapter 7: the ratings matrix as the product of user and film vectors
melody-tokens.svg  chapter 3: a bar of ABC, its notes, and the tokens the model reads
attention.svg   chapter 6: queries, keys and values, the causal mask, the weighted mean
rl-loop.svg     chapter 8: state, action, reward and the update of the agent
diffusion-chains.svg  chapter 10: the forward chain that adds noise, the learned reverse chain, the one-jump shortcut
unet.svg        chapter 10: the small U-Net, its levels, skip connections and the step and class it reads
"""
from pathlib import Path

HERE = Path(__file__).parent
ARROWS = ('<defs>'
          '<marker id="a" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#333"/></marker>'
          '<marker id="r" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#c0392b"/></marker>'
          '</defs>')


def svg(name, width, height, parts):
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'font-family="sans-serif" font-size="13"><rect width="100%" height="100%" fill="white"/>{ARROWS}')
    (HERE / name).write_text(head + "\n" + "\n".join(parts) + "\n</svg>\n", encoding="utf-8")


def box(x, y, w, h, label, fill="white", stroke="#333"):
    return (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}"/>'
            f'<text x="{x + w / 2}" y="{y + h / 2 + 5}" text-anchor="middle">{label}</text>')


def text(x, y, s, colour="#333", anchor="start", bold=False):
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x}" y="{y}" fill="{colour}" text-anchor="{anchor}"{weight}>{s}</text>'


def arrow(x1, y1, x2, y2, red=False, dashed=False):
    colour, marker = ("#c0392b", "r") if red else ("#333", "a")
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}"{dash} marker-end="url(#{marker})"/>'


def lstm_tbptt():
    parts = [text(20, 22, "One training window, cut into truncated-BPTT segments", bold=True)]
    prompt = "Shall I c"
    for segment, fill in ((0, "#eaf2fb"), (1, "#fdf2e9")):
        x0 = 40 + segment * 360
        parts.append(f'<rect x="{x0 - 10}" y="40" width="340" height="185" rx="8" fill="{fill}" stroke="#999"/>')
        parts.append(text(x0, 58, f"segment {segment + 1}: forward, then gradients back over it only", "#555"))
    for t in range(8):
        x = 50 + t * 85 + (t >= 4) * 20
        parts.append(box(x, 100, 56, 40, "LSTM"))
        parts.append(text(x + 28, 205, prompt[t].replace(" ", "␣"), anchor="middle") + arrow(x + 28, 190, x + 28, 142))
        parts.append(arrow(x + 28, 100, x + 28, 80) + text(x + 28, 74, f"p({prompt[t + 1].replace(' ', '␣')})", "#1f618d", "middle"))
        if t < 7:
            gap = 85 + (t == 3) * 20
            parts.append(arrow(x + 56, 112, x + gap - 2, 112))
            if t != 3:
                parts.append(arrow(x + gap, 130, x + 58, 130, red=True, dashed=True))
    parts.append(text(20, 243, "→ memory (c, h) carried forward through the whole window"))
    parts.append(text(430, 243, "⇠ gradients, stopped at the segment boundary", "#c0392b"))
    svg("lstm-tbptt.svg", 760, 250, parts)


def skipgram():
    words = ["the", "old", "whale", "dived", "deep", "below"]
    parts = [text(20, 22, "Skip-gram with negative sampling: one centre word, window 2", bold=True)]
    for i, w in enumerate(words):
        x = 40 + i * 110
        fill = "#f9e79f" if w == "whale" else "#d5f5e3" if i in (0, 1, 3, 4) else "white"
        parts.append(box(x, 45, 90, 34, w, fill))
    parts.append(text(40, 105, "centre word w = whale (yellow); context words c within 2 places (green): pairs labelled 1"))
    parts.append(text(40, 125, "k = 5 negative words drawn at random from the vocabulary: pairs labelled 0"))
    for i, w in enumerate(["sofa", "rope", "tuesday", "ink", "and"]):
        parts.append(box(40 + i * 110, 140, 90, 30, w, "#fadbd8"))
    parts.append(text(40, 200, "each pair scores σ(u_c · v_w): pushed towards 1 for real pairs, towards 0 for negatives"))
    svg("skipgram.svg", 720, 215, parts)


def gan_loop():
    parts = [text(20, 22, "One GAN training step", bold=True),
             box(20, 60, 90, 36, "z ~ N(0, I)", "#eaf2fb"), arrow(110, 78, 158, 78),
             box(160, 55, 110, 46, "generator G", "#fdebd0"), arrow(270, 78, 318, 78),
             box(320, 60, 100, 36, "fakes G(z)"), arrow(420, 78, 478, 100),
             box(320, 130, 100, 36, "real images x", "#d5f5e3"), arrow(420, 148, 478, 122),
             box(480, 88, 130, 46, "discriminator D", "#e8daef"), arrow(610, 111, 648, 111),
             text(652, 100, "1. learn D: D(x) → 0.9, D(G(z)) → 0"),
             text(652, 150, "2. learn G: D(G(z)) → 1", "#c0392b"),
             arrow(545, 140, 545, 190, red=True, dashed=True), arrow(545, 190, 215, 190, red=True, dashed=True),
             arrow(215, 190, 215, 103, red=True, dashed=True),
             text(240, 208, "∂L_G/∂pixels from D's input, backpropagated through G (D stays fixed)", "#c0392b")]
    svg("gan-loop.svg", 920, 225, parts)


def vae():
    parts = [text(20, 22, "A variational autoencoder", bold=True),
             box(20, 70, 80, 36, "image x", "#d5f5e3"), arrow(100, 88, 138, 88),
             box(140, 60, 100, 56, "encoder", "#fdebd0"), arrow(240, 78, 288, 60), arrow(240, 98, 288, 118),
             box(290, 42, 70, 32, "μ"), box(290, 102, 70, 32, "log σ²"),
             box(285, 160, 90, 30, "ε ~ N(0, I)", "#eaf2fb"),
             arrow(360, 58, 418, 82), arrow(360, 118, 418, 94), arrow(360, 170, 418, 100),
             box(420, 66, 120, 44, "z = μ + σ·ε", "#f9e79f"), arrow(540, 88, 578, 88),
             box(580, 60, 100, 56, "decoder", "#fdebd0"), arrow(680, 88, 718, 88),
             box(720, 70, 110, 36, "p(pixels | z)", "#d5f5e3"),
             text(600, 140, "reconstruction: −log p(x | z)", "#1f618d"),
             text(250, 215, "KL(N(μ, σ²) ‖ N(0, I)) = ½ Σ (μ² + σ² − log σ² − 1)", "#1f618d")]
    svg("vae.svg", 860, 230, parts)


def grid(x, y, rows, columns, cell, fill):
    return "".join(f'<rect x="{x + c * cell}" y="{y + r * cell}" width="{cell}" height="{cell}" fill="{fill}" stroke="#888"/>'
                   for r in range(rows) for c in range(columns))


def factorisation():
    cell, users, films, k = 22, 6, 8, 3
    stars = ["4", "", "5", "", "", "1", "", "3", "", "2", "", "", "5", "", "", "4", "", "", "4", "", "", "5", "", "",
             "1", "", "", "", "4", "", "5", "", "", "5", "", "", "", "3", "", "", "2", "", "", "4", "", "", "", "5"]
    parts = [text(20, 22, "Matrix factorisation: the ratings matrix (mostly empty) ≈ user vectors × film vectors", bold=True)]
    x0, y0 = 60, 60
    parts.append(text(x0 + films * cell / 2, y0 - 8, "films", anchor="middle") + text(x0 - 10, y0 + users * cell / 2 + 4, "users", anchor="end"))
    for u in range(users):
        for f in range(films):
            s = stars[u * films + f]
            parts.append(f'<rect x="{x0 + f * cell}" y="{y0 + u * cell}" width="{cell}" height="{cell}" fill="{"#fdebd0" if s else "#f4f6f7"}" stroke="#bbb"/>')
            if s:
                parts.append(text(x0 + f * cell + cell / 2, y0 + u * cell + 16, s, anchor="middle"))
    parts.append(text(x0 + films * cell + 22, y0 + users * cell / 2 + 5, "≈", anchor="middle", bold=True))
    px = x0 + films * cell + 44
    parts.append(grid(px, y0, users, k, cell, "#d6eaf8"))
    parts.append(text(px + k * cell / 2, y0 + users * cell + 18, "P: p_u", "#1f618d", "middle"))
    parts.append(text(px + k * cell + 14, y0 + users * cell / 2 + 5, "×", anchor="middle", bold=True))
    qx = px + k * cell + 28
    parts.append(grid(qx, y0, k, films, cell, "#d5f5e3"))
    parts.append(text(qx + films * cell / 2, y0 + k * cell + 18, "Qᵀ: q_f", "#1e8449", "middle"))
    parts.append(text(qx, y0 + k * cell + 48, "r̂_uf = μ + b_u + b_f + p_u · q_f", "#1f618d"))
    parts.append(text(qx, y0 + k * cell + 70, "trained on the filled cells only", "#555"))
    svg("factorisation.svg", qx + films * cell + 30, y0 + users * cell + 40, parts)


def melody_tokens():
    notes = [("G4", 4), ("A4", 2), ("B4", 2), ("C5", 4), ("rest", 2), ("E5", 2)]   # (pitch, sixteenths)
    parts = [text(20, 22, "A bar of a tune as the model reads it: one token per sixteenth note", bold=True),
             text(20, 56, "ABC:", bold=True), text(84, 56, "K:C  L:1/8   |  G2 A B  c2 z e  |"),
             text(20, 100, "notes:", bold=True), text(20, 160, "tokens:", bold=True)]
    x, cell = 114, 34
    parts.append(box(x - 30, 135, 26, 36, "|", "#f4f6f7"))
    for pitch, length in notes:
        width = length * cell
        parts.append(box(x, 80, width - 4, 30, pitch if pitch != "rest" else "rest", "#fdebd0" if pitch != "rest" else "#f4f6f7"))
        for i in range(length):
            label = pitch if i == 0 else "-"
            parts.append(box(x + i * cell, 135, cell - 4, 36, label, "#d6eaf8" if i == 0 else "white"))
        x += width
    parts.append(box(x, 135, 26, 36, "|", "#f4f6f7"))
    parts.append(text(84, 200, "a pitch starts a note, \"-\" holds it one more sixteenth, \"rest\" starts a silence, \"|\" marks the bar line", "#555"))
    svg("melody-tokens.svg", x + 60, 215, parts)


def attention():
    parts = [text(20, 22, "Causal self-attention, one head: every position asks (q), offers (k) and passes on (v)", bold=True)]
    chars, cell, x0, y0 = "thee", 40, 480, 70
    for j, c in enumerate(chars):
        x = 30 + j * 100
        parts.append(box(x, 230, 84, 30, f"x{j + 1}: {c}", "#f4f6f7"))
        for n, (name, fill) in enumerate((("q", "#fdebd0"), ("k", "#d6eaf8"), ("v", "#d5f5e3"))):
            parts.append(box(x + n * 29, 175, 26, 28, f"{name}{j + 1}", fill) + arrow(x + n * 29 + 13, 228, x + n * 29 + 13, 205))
    parts.append(text(30, 160, "three learned matrices make q, k and v from what each position holds", "#555"))
    parts.append(text(x0 + 2 * cell, y0 - 30, "scores q_i · k_j / √d + M_ij", "#1f618d", "middle"))
    for i in range(4):
        parts.append(text(x0 - 8, y0 + i * cell + 25, f"q{i + 1}", anchor="end"))
        parts.append(text(x0 + i * cell + cell / 2, y0 - 8, f"k{i + 1}", anchor="middle"))
        for j in range(4):
            seen = j <= i
            parts.append(f'<rect x="{x0 + j * cell}" y="{y0 + i * cell}" width="{cell}" height="{cell}" '
                         f'fill="{"#d6eaf8" if seen else "#d5d8dc"}" stroke="#888"/>')
            parts.append(text(x0 + j * cell + cell / 2, y0 + i * cell + 25, f"s{i + 1}{j + 1}" if seen else "−∞", "#333" if seen else "#c0392b", "middle"))
    parts.append(text(x0, y0 + 4 * cell + 22, "mask M: 0 where j ≤ i, −10⁹ where j > i", "#c0392b"))
    parts.append(arrow(x0 + 4 * cell + 8, y0 + 2 * cell, x0 + 4 * cell + 48, y0 + 2 * cell))
    parts.append(text(x0 + 4 * cell + 56, y0 + 2 * cell - 14, "softmax of each row:"))
    parts.append(text(x0 + 4 * cell + 56, y0 + 2 * cell + 4, "weights a_ij, 0 on the masked"))
    parts.append(text(x0 + 4 * cell + 56, y0 + 2 * cell + 30, "out_i = Σ_j a_ij v_j", "#1e8449", bold=True))
    svg("attention.svg", 900, 275, parts)


def rl_loop():
    parts = [text(20, 22, "Reinforcement learning: the agent composes one decision at a time", bold=True),
             box(60, 60, 180, 60, "agent: Q(s, a) or π(a | s)", "#d6eaf8"),
             box(460, 60, 200, 60, "task: the melody so far", "#fdebd0"),
             arrow(240, 75, 458, 75), text(350, 68, "action a: a pitch, rest or hold", anchor="middle"),
             arrow(458, 105, 242, 105, red=True), text(350, 125, "reward r: the rules (and the guide)", "#c0392b", "middle"),
             arrow(560, 122, 560, 170), arrow(560, 170, 150, 170), arrow(150, 170, 150, 122),
             text(355, 163, "next state s′: step and last actions (Q-learning) or features (policy)", anchor="middle"),
             text(60, 210, "Q-learning: Q(s, a) ← Q(s, a) + α (r + γ max Q(s′, ·) − Q(s, a)) after every step", "#1f618d"),
             text(60, 232, "REINFORCE: after a batch of melodies, make actions with G_t − b_t > 0 more likely", "#1f618d")]
    svg("rl-loop.svg", 720, 250, parts)


def diffusion_chains():
    parts = [text(20, 22, "Diffusion: a fixed chain that adds noise, and a learned chain that removes it", bold=True)]
    states = ["x₀ (data)", "x₁", "x₂", "…", "x_{t−1}", "x_t", "…", "x_T ≈ N(0, I)"]
    for i, label in enumerate(states):
        x = 20 + i * 105
        fill = "#d5f5e3" if i == 0 else "#eaf2fb" if i == len(states) - 1 else "white"
        parts.append(box(x, 85, 90 if i in (0, 7) else 70, 36, label, fill))
        if i < len(states) - 1:
            right = x + (90 if i == 0 else 70)
            parts.append(arrow(right, 95, x + 103, 95))
            parts.append(arrow(x + 103, 113, right + 2, 113, red=True))
    parts.append(text(560, 70, "q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I): fixed, no learning", anchor="middle"))
    parts.append(text(560, 145, "p_θ(x_{t−1} | x_t): mean from the network's ε_θ(x_t, t), then σ_t z", "#c0392b", "middle"))
    parts.append(f'<path d="M 65 121 Q 450 300 842 123" fill="none" stroke="#1f618d" stroke-dasharray="5 4" marker-end="url(#a)"/>')
    parts.append(text(450, 235, "training's shortcut: any step in one jump, x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε, and ε_θ learns to name ε",
                      "#1f618d", "middle"))
    svg("diffusion-chains.svg", 880, 250, parts)


def unet():
    parts = [text(20, 22, "The pixel denoiser: a small U-Net (c = UNET_CHANNELS)", bold=True),
             box(20, 50, 110, 40, "x_t: 1 × 28 × 28", "#eaf2fb"),
             box(160, 50, 130, 40, "28×28, c", "#fdebd0"), arrow(130, 70, 158, 70),
             box(230, 130, 130, 40, "14×14, 2c", "#fdebd0"), arrow(225, 90, 260, 128),
             box(330, 210, 130, 40, "7×7, 2c", "#f9e79f"), arrow(295, 170, 360, 208),
             box(430, 130, 130, 40, "14×14, 2c", "#fdebd0"), arrow(430, 208, 480, 172),
             box(530, 50, 130, 40, "28×28, c", "#fdebd0"), arrow(500, 128, 570, 92),
             box(700, 50, 140, 40, "ε̂: 1 × 28 × 28", "#d5f5e3"), arrow(660, 70, 698, 70),
             arrow(360, 150, 428, 150, dashed=True), arrow(290, 62, 528, 62, dashed=True),
             text(395, 143, "joined", "#555", "middle"), text(410, 56, "joined (skip connection)", "#555", "middle"),
             text(150, 200, "down: stride-2 convolutions", "#555", "middle"),
             text(640, 200, "up: transposed convolutions", "#555", "middle"),
             box(610, 225, 230, 36, "step t and class y → 64 numbers", "#d6eaf8"),
             text(20, 290, "every level adds a learned shift per channel, read from the step and class; swish after each convolution",
                  "#1f618d")]
    svg("unet.svg", 860, 305, parts)


if __name__ == "__main__":
    lstm_tbptt()
    skipgram()
    gan_loop()
    vae()
    factorisation()
    melody_tokens()
    attention()
    rl_loop()
    diffusion_chains()
    unet()
