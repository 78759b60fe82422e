class Payment < ApplicationRecord
  belongs_to :customer
  has_secure_token :receipt_token, length: 36
  encrypts :card_fingerprint, deterministic: true

  TOKEN_FORMAT = /\A[A-Za-z0-9]{36}\z/
  SECRET_FIELDS = %w[card_fingerprint receipt_token].freeze

  validates :amount_cents, numericality: { greater_than: 0 }
  scope :settled, -> { where.not(settled_at: nil) }

  def masked_token
    "#{receipt_token.first(4)}…#{receipt_token.last(4)}"
  end
end
