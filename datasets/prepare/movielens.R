# Exports MovieLens "latest-small" (100,004 ratings; GroupLens, non-commercial use with credit) from the
# Debian package r-cran-dslabs to datasets/files/movielens-ratings.csv.gz, one rating a row:
# userId,movieId,rating,timestamp,title,year,genres. Maintainers run it once:
#   apt-get install r-base-core r-cran-dslabs && Rscript datasets/prepare/movielens.R
library(dslabs)
data(movielens)
out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "..", "files", "movielens-ratings.csv.gz")
columns <- c("userId", "movieId", "rating", "timestamp", "title", "year", "genres")
write.csv(movielens[order(movielens$userId, movielens$movieId), columns], gzfile(out, encoding = "UTF-8"), row.names = FALSE)
cat(out, nrow(movielens), "ratings\n")
