# The forecast benchmark's peer: R's forecast package on exactly civicpulse's backtest protocol (docs/forecast.md).
# Usage: Rscript forecast_peer.R WIDE.csv FROM TO ORIGINS STEP HORIZON OUT.csv
# WIDE.csv: iso_week, then one column per series. Origins: the last one leaves exactly HORIZON weeks before
# TO (inclusive); earlier ones step back STEP weeks. MASE scale: mean |y_t - y_{t-52}| over the training weeks
# (lag 52 by position, as civicpulse's snaive). Writes model, origins, mase, smape, coverage80, coverage95
# (means over series × origins; series whose scale is 0 are left out, as in civicpulse) and failed (fits that
# raised an error and fell back to the seasonal naive).
suppressPackageStartupMessages(library(forecast))
a <- commandArgs(trailingOnly = TRUE)
wide <- read.csv(a[1], check.names = FALSE, stringsAsFactors = FALSE)
wide <- wide[wide$iso_week >= a[2] & wide$iso_week <= a[3], ]
origins <- as.integer(a[4]); step <- as.integer(a[5]); h <- as.integer(a[6])
n <- nrow(wide)
last <- n - h                      # 1-based index of the last origin's last training week
at <- sort(last - step * (0:(origins - 1)))
at <- at[at >= 53]                 # as civicpulse: an origin needs 53 training weeks (one seasonal lag + 1)

fourier_arima <- function(y, h) {
  yt <- ts(y, frequency = 365.25 / 7)
  best <- NULL
  for (k in 1:5) {
    fit <- tryCatch(auto.arima(yt, xreg = fourier(yt, K = k), seasonal = FALSE), error = function(e) NULL)
    if (!is.null(fit) && (is.null(best) || fit$aicc < best$fit$aicc)) best <- list(fit = fit, k = k)
  }
  # A flat series gets a model without regressors: forecast then ignores xreg and would run 104 weeks ahead.
  if (is.null(best$fit$xreg)) return(forecast(best$fit, h = h, level = c(80, 95)))
  forecast(best$fit, xreg = fourier(yt, K = best$k, h = h), level = c(80, 95))
}
models <- list(
  snaive = function(y, h) snaive(ts(y, frequency = 52), h = h, level = c(80, 95)),
  stlf_ets = function(y, h) stlf(ts(y, frequency = 52), h = h, method = "ets", level = c(80, 95)),
  tbats = function(y, h) forecast(tbats(ts(y, frequency = 365.25 / 7), use.parallel = FALSE), h = h, level = c(80, 95)),
  arima_fourier = fourier_arima)

rows <- list()
for (s in names(wide)[-1]) {
  y_all <- as.numeric(wide[[s]])
  for (o in at) {
    y <- y_all[1:o]; actual <- y_all[(o + 1):(o + h)]
    scale <- mean(abs(y[53:o] - y[1:(o - 52)]))
    # A model that fails on a series (e.g. all zeros) falls back to the seasonal naive there, counted in `failed`.
    failed <- character(0)
    fc <- lapply(names(models), function(m) tryCatch(models[[m]](y, h), error = function(e) {
      failed <<- c(failed, m); models$snaive(y, h) }))
    names(fc) <- names(models)
    # The models carry different ts frequencies (52 and 52.18): average plain numbers.
    plain <- function(m, part) as.matrix(unclass(fc[[m]][[part]]))
    fc$mean_stlf_arima <- list(mean = (plain("stlf_ets", "mean") + plain("arima_fourier", "mean")) / 2,
      lower = (plain("stlf_ets", "lower") + plain("arima_fourier", "lower")) / 2,
      upper = (plain("stlf_ets", "upper") + plain("arima_fourier", "upper")) / 2)
    for (m in names(fc)) {
      f <- as.numeric(fc[[m]]$mean); lo <- as.matrix(unclass(fc[[m]]$lower)); hi <- as.matrix(unclass(fc[[m]]$upper))
      sm <- ifelse(abs(actual) + abs(f) == 0, 0, 200 * abs(actual - f) / (abs(actual) + abs(f)))
      rows[[length(rows) + 1]] <- data.frame(series = s, origin = o, model = m,
        mase = if (scale > 0) mean(abs(actual - f)) / scale else NA, smape = mean(sm),
        coverage80 = mean(actual >= lo[, 1] & actual <= hi[, 1]), coverage95 = mean(actual >= lo[, 2] & actual <= hi[, 2]),
        failed = m %in% failed)
    }
    cat(sprintf("peer: %s origin %d done\n", s, o), file = stderr())
  }
}
all <- do.call(rbind, rows)
out <- do.call(rbind, lapply(split(all, all$model), function(d) data.frame(model = d$model[1],
  origins = nrow(d), mase = mean(d$mase, na.rm = TRUE), smape = mean(d$smape),
  coverage80 = mean(d$coverage80), coverage95 = mean(d$coverage95), failed = sum(d$failed))))
write.csv(out, a[7], row.names = FALSE)
